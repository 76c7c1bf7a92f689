using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>
/// A signed-in customer page rendered while one of its reads is still out, as a busy host once did under a 加入 tap on the shop
/// page (a menu without its priced cart, NullReferenceException, the tap answered with a 500 page).
/// </summary>
public sealed class CustomerPageRenderTests : BunitContext
{
    [Fact]
    public async Task a_customer_page_keeps_what_it_reads_out_of_sight_until_its_last_read_has_answered()
    {
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new KaifanApi(new HttpClient { BaseAddress = new Uri("http://api.test/") }, new HttpContextAccessor()) { Token = "t" });
        var page = Render<TwoReads>(p => p.Add(s => s.Http, new DefaultHttpContext()));
        await page.Instance.FirstKept.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Neither the render after its first await nor a parent's meanwhile may draw the half that is there.
        page.Render(_ => { });
        page.Markup.ShouldBeEmpty();

        page.Instance.Second.SetResult("第二份");
        page.WaitForAssertion(() => page.Markup.ShouldBe("第一份 · 第二份"));
    }

    /// <summary>A page that keeps one read and then waits for another; drawn in between it would throw.</summary>
    private sealed class TwoReads : CustomerPage
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
}
