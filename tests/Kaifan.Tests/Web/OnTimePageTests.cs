using System.Net;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>The on-time page listens to the ops hub: a delivery shows up in the zone table while the operator watches, no reload;
/// a late one shows up with its cause.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OnTimePageTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_delivery_appears_on_the_open_on_time_page_without_a_reload()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await context.NewPageAsync();
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await ops.GotoAsync("/ops/insights/ontime");
        var page = ops.Locator("[data-testid=ontime]");
        await Expect(page).ToHaveAttributeAsync("data-feed", "connected", new() { Timeout = 20_000 });
        var zones = ops.Locator("[data-testid=ontime-zones]");
        await Expect(zones).Not.ToContainTextAsync("东区");
        var navigations = 0;
        ops.FrameNavigated += (_, frame) => navigations += frame == ops.MainFrame ? 1 : 0;

        await DeliverAsync(prepMinutes: 10);

        // Well inside the page's two-minute fallback poll: only the hub can have brought it.
        await Expect(zones).ToContainTextAsync("东区", new() { Timeout = 30_000 });
        navigations.ShouldBe(0);

        // The kitchen takes 35 minutes instead of 10: the order is late, and the page names the cause.
        await DeliverAsync(prepMinutes: 35);
        await Expect(ops.Locator("[data-testid=ontime-late]")).ToContainTextAsync("商家出餐慢", new() { Timeout = 30_000 });
        await Expect(ops.Locator("[data-testid=ontime-late]")).ToContainTextAsync("分钟");
        await Expect(ops.Locator("[data-testid=ontime-late]")).ToContainTextAsync("老马家兰州牛肉拉面");
        await Expect(ops.Locator("[data-testid=late-overruns]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^出餐 \+2\d$"));
        await Expect(ops.Locator("[data-testid=ontime-alerts]")).ToContainTextAsync("暂无数据"); // two orders are too few to alert on
        await Browser.ScreenshotAsync(ops, "ops-ontime", ops.Locator("[data-testid=ontime-chart] svg"));
    }

    /// <summary>An order the shop marks ready after <paramref name="prepMinutes"/>, which rider 2 then carries straight to the door.</summary>
    private async Task DeliverAsync(int prepMinutes)
    {
        var orderId = await app.AcceptedOrderAsync(customer: 2);
        app.Clock.Advance(TimeSpan.FromMinutes(prepMinutes));
        (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await app.AssignAsync(orderId, rider: 2);
            foreach (var step in new[] { "arrive", "pickup", "arrive-customer" })
            {
                (await app.StepAsync(2, orderId, step)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (await app.StepAsync(2, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(2);
        }
    }
}
