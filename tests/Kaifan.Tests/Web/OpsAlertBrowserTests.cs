using Kaifan.BuildingBlocks;
using Kaifan.Tests.Insights;

namespace Kaifan.Tests.Web;

/// <summary>An on-time alert reaches the dispatcher on the 调度 board as it is raised, without a reload, and leads to 准时率.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsAlertBrowserTests(OnTimeSqliteApp app) : BrowserTests(app), IClassFixture<OnTimeSqliteApp>
{
    [Fact]
    public async Task an_on_time_alert_shows_on_the_open_dispatch_board_and_opens_the_on_time_page()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await context.NewPageAsync();
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await Expect(ops.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-hub", "connected", new() { Timeout = 15_000 });
        var alert = ops.Locator("[data-testid=ops-alert]");
        await Expect(alert).ToHaveCountAsync(0);
        var navigations = 0;
        ops.FrameNavigated += (_, frame) => navigations += frame == ops.MainFrame ? 1 : 0;

        // Two orders whose kitchen overran by 20 minutes: the zone's on-time rate falls under 85% (alerts from two here).
        await app.DeliveredAfterSlowPrepAsync(customer: 2, rider: 2);
        await app.DeliveredAfterSlowPrepAsync(customer: 3, rider: 3);

        await Expect(alert.First).ToContainTextAsync("东区准时率", new() { Timeout = 45_000 });
        await Expect(alert.First).ToContainTextAsync("商家出餐慢");
        navigations.ShouldBe(0);
        await alert.First.ClickAsync();
        await Expect(ops.Locator("[data-testid=ontime]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }
}
