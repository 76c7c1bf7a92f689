using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// An operator moves an order between two riders whose apps are open: the one who lost it sees the card go with
/// 订单已被调度改派, the other sees the offer, both over the apps' live line rather than a reload.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderReassignBrowserTests : BrowserTests, IClassFixture<LunchtimeSqliteApp>
{
    private readonly LunchtimeSqliteApp app;

    public RiderReassignBrowserTests(LunchtimeSqliteApp app)
        : base(app) => this.app = app;

    [Fact]
    public async Task the_rider_who_lost_an_order_sees_its_card_go_with_a_notice_and_the_new_rider_sees_the_offer()
    {
        const int customerNo = 1, first = 4, second = 5;
        var orderId = await app.AcceptedOrderAsync(customerNo, ready: true);
        try
        {
            await app.AssignAsync(orderId, first);
            await app.OnlineAsync(second, latOffset: 0.001);

            await using var firstContext = await Browser.PhoneAsync(Chromium, BaseAddress);
            var firstApp = await OpenRiderAppAsync(await firstContext.NewPageAsync(), first);
            await firstApp.Locator("[data-testid=tab-tasks]").ClickAsync();
            var task = firstApp.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToBeVisibleAsync(new() { Timeout = 15_000 });

            await using var secondContext = await Browser.PhoneAsync(Chromium, BaseAddress);
            var secondApp = await OpenRiderAppAsync(await secondContext.NewPageAsync(), second);
            var offer = secondApp.Locator($"[data-testid=offer]:has([data-order-id='{orderId}'])");
            await Expect(offer).ToHaveCountAsync(0);

            var response = await app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(second) });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

            await Expect(firstApp.Locator("[data-testid=rider-notice]")).ToContainTextAsync("订单已被调度改派", new() { Timeout = 15_000 });
            await Expect(task).ToHaveCountAsync(0);
            await Expect(offer).ToBeVisibleAsync(new() { Timeout = 15_000 });

            await firstApp.Locator("[data-testid=dismiss-notice]").ClickAsync();
            await Expect(firstApp.Locator("[data-testid=rider-notice]")).ToHaveCountAsync(0);

            // Taken, so no order of this test is left for the zone to offer to other stories' riders.
            await offer.Locator("[data-testid=accept-offer]").ClickAsync();
            await Expect(secondApp.Locator($"[data-testid=task][data-order-id='{orderId}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        finally
        {
            await app.OfflineAsync(first, second);
        }
    }

    /// <summary>Signed in while already online (through the API), so the app comes back online and opens its live line.</summary>
    private async Task<Microsoft.Playwright.IPage> OpenRiderAppAsync(Microsoft.Playwright.IPage page, int rider)
    {
        await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
        var riderApp = page.Locator("[data-testid=rider-app]");
        await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
        await Expect(riderApp).ToHaveAttributeAsync("data-feed", "true", new() { Timeout = 15_000 });
        return page;
    }
}
