using System.Net;
using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// The reorder path in taps, and an order page opened by someone it does not belong to. How long the taps take is a
/// benchmark (`customer-flow`, docs/benchmarks.md), not a test: a timed assertion fails on a busy machine, not on slow code.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class WebShortcutTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task reordering_from_home_reaches_a_new_paid_order_in_three_taps()
    {
        var phone = DemoCampus.CustomerPhone(2);
        var earlier = await PlacePaidOrderAsync(await TokenAsync(phone));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await Expect(page.Locator("[data-testid=reorder]").First).ToBeVisibleAsync();

        await page.Locator("[data-testid=reorder]").First.ClickAsync();
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.Locator("[data-testid=pay-wechat]").ClickAsync();
        await page.WaitForURLAsync("**/m/orders/*");

        Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last()).ShouldNotBe(earlier);
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("等待商家接单", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task a_page_s_scripts_and_style_sheet_are_sent_compressed_and_cached_for_good()
    {
        var client = app.Client();
        var html = await client.GetStringAsync("/m/login");
        var assets = Regex.Matches(html, "(?:src|href)=\"((?:_content|_framework)/[^\"]+\\.[a-z0-9]{10}\\.(?:js|css))\"").Select(m => m.Groups[1].Value).ToList();
        assets.ShouldContain(a => a.EndsWith(".css", StringComparison.Ordinal));
        assets.ShouldContain(a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await client.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            response.Headers.CacheControl?.ToString().ShouldContain("immutable", customMessage: asset);
            response.Content.Headers.ContentEncoding.ShouldContain("gzip", asset);
        }
    }

    [Fact]
    public async Task a_tap_on_加入_whose_post_the_network_drops_says_so_and_the_next_tap_adds_the_dish()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(4));
        await page.GotoAsync($"/m/shop/{OrderingKit.Shop}");
        await page.RouteAsync("**/m/shop/**", route => route.Request.Method == "POST" ? route.AbortAsync() : route.ContinueAsync());

        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();

        await Expect(page.Locator("[data-testid=tap-failed]")).ToHaveTextAsync("网络不给力，刚才那一下没有送达，请再点一次");
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveCountAsync(0);

        await page.UnrouteAllAsync();
        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=tap-failed]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task another_customer_opening_an_order_page_gets_the_404_page()
    {
        var orderId = await PlacePaidOrderAsync(await TokenAsync(DemoCampus.CustomerPhone(3)));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(4));

        var response = await page.GotoAsync($"/m/orders/{orderId}");
        response!.Status.ShouldBe((int)HttpStatusCode.NotFound);
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(NoodleShop);
    }
}
