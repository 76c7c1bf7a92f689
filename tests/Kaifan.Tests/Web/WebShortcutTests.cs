using System.Diagnostics;
using System.Net;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kaifan.Tests.Web;

/// <summary>The reorder path measured in taps and time, and an order page opened by someone it does not belong to.</summary>
[Collection("browser")]
public sealed class WebShortcutTests(LunchtimeSqliteApp app, ITestOutputHelper output) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task reordering_from_home_takes_at_most_five_taps_and_under_five_seconds()
    {
        var phone = DemoCampus.CustomerPhone(2);
        await PlacePaidOrderAsync(await TokenAsync(phone));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await Expect(page.Locator("[data-testid=reorder]").First).ToBeVisibleAsync();

        var taps = 0;
        var clock = Stopwatch.StartNew();
        await page.Locator("[data-testid=reorder]").First.ClickAsync();
        taps++;
        await page.Locator("[data-testid=place-order]").ClickAsync();
        taps++;
        await page.Locator("[data-testid=pay-wechat]").ClickAsync();
        taps++;
        await page.WaitForURLAsync("**/m/orders/*");
        clock.Stop();

        output.WriteLine($"reorder: {taps} taps, {clock.ElapsedMilliseconds} ms from 再来一单 to the paid order page");
        taps.ShouldBeLessThanOrEqualTo(5);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("等待商家接单", new() { Timeout = 20_000 });
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
