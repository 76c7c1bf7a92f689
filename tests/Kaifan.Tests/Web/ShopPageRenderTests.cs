using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer.Pages;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>
/// A customer page rendered while one of its reads is still out, as a busy host once did under a 加入 tap (a menu
/// without its priced cart, NullReferenceException, the tap answered with a 500 page).
/// </summary>
public sealed class ShopPageRenderTests : BunitContext
{
    private static readonly Guid ShopId = Guid.NewGuid();
    private static readonly Guid Category = Guid.NewGuid();

    private static readonly MenuInfo Menu = new(
        new MerchantHeaderInfo(ShopId, Guid.NewGuid(), "老马家", "🍜", 4.7, 2310, 1500, 300, 100, true, false, null, "", []),
        [new CategoryInfo(Category, "凉菜", 0, [new ItemInfo(Guid.NewGuid(), Category, "凉拌牛肉", "", 1500, 300, false, null, true, 90, [])])]);

    private void AddServices(HttpMessageHandler api)
    {
        Services.AddLocalization();
        Services.AddMemoryCache();
        Services.AddSingleton<SharedReads>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new KaifanApi(new HttpClient(api) { BaseAddress = new Uri("http://api.test/") }, new HttpContextAccessor()) { Token = "t" });
        ComponentFactories.AddStub<AntiforgeryToken>();
        ComponentFactories.AddStub<PageTitle>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    [Fact]
    public async Task a_customer_page_keeps_what_it_reads_out_of_sight_until_its_last_read_has_answered()
    {
        AddServices(new SlowCommunityPrices());
        var page = Render<TwoReads>(p => p.Add(s => s.Http, new DefaultHttpContext()));
        await page.Instance.FirstKept.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Neither the render after its first await nor a parent's meanwhile may draw the half that is there.
        page.Render(_ => { });
        page.Markup.ShouldBeEmpty();

        page.Instance.Second.SetResult("第二份");
        page.WaitForAssertion(() => page.Markup.ShouldBe("第一份 · 第二份"));
    }

    [Fact]
    public async Task a_render_while_the_社群价_read_is_still_out_shows_the_menu_only_once_the_cart_is_priced()
    {
        var api = new SlowCommunityPrices();
        AddServices(api);
        var http = new DefaultHttpContext();

        var page = Render<Shop>(p => p.Add(s => s.MerchantId, ShopId).Add(s => s.Http, http));
        await api.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A parent rendering again hands the page its parameters again while the 社群价 read is out.
        page.Render(p => p.Add(s => s.MerchantId, ShopId));
        page.FindAll("[data-testid=dish]").ShouldBeEmpty();

        api.Answer();
        page.WaitForAssertion(() => page.FindAll("[data-testid=dish] [data-testid=add]").Count.ShouldBe(1));
    }

    /// <summary>A page that keeps one read and then waits for another; drawn in between it would throw.</summary>
    private sealed class TwoReads : Kaifan.Web.Components.Customer.CustomerPage
    {
        private string? first;
        private string? second;

        public TaskCompletionSource FirstKept { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task LoadAsync()
        {
            first = "第一份";
            await Task.Yield();
            FirstKept.SetResult();
            second = await Second.Task;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (first is not null)
            {
                builder.AddContent(0, $"{first} · {second!.Trim()}");
            }
        }
    }

    /// <summary>The API: the menu at once, the 社群价 only when the test says.</summary>
    private sealed class SlowCommunityPrices : HttpMessageHandler
    {
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer() => answer.SetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/menu", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(Menu) };
            }

            if (path.EndsWith("/community-prices", StringComparison.Ordinal))
            {
                Asked.TrySetResult();
                await answer.Task.WaitAsync(cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(Array.Empty<object>()) };
        }
    }
}
