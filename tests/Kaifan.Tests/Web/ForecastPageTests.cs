using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>The operator opens the forecast page from the ops console: every zone has its chart, the next two hours and a
/// staffing badge, and a retrain runs to ready on the fresh campus (too little history: the best baseline ships).</summary>
[Collection("browser")]
public sealed class ForecastPageTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_sees_each_zones_forecast_and_retrains_the_model()
    {
        await PlacePaidOrderAsync(await TokenAsync(DemoCampus.CustomerPhone(5)));
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await context.NewPageAsync();
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await ops.Locator("[data-testid=nav-forecast]").ClickAsync();

        var page = ops.Locator("[data-testid=forecast]");
        await Expect(page).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 20_000 });
        (await ops.Locator("[data-testid=forecast-zone]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var zone = ops.Locator("[data-testid=forecast-zone]").First;
        await Expect(zone.Locator("[data-testid=forecast-hour]")).ToHaveCountAsync(2);
        await Expect(zone.Locator("[data-testid=forecast-staffing]")).ToContainTextAsync("需要骑手");
        await Expect(zone.Locator("svg").First).ToBeVisibleAsync();

        var state = ops.Locator("[data-testid=forecast-state]");
        await Expect(state).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        var startedBefore = await state.GetAttributeAsync("data-started");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // so the retrain's start time differs from the first run's
        await ops.Locator("[data-testid=forecast-retrain]").ClickAsync();
        await Expect(state).Not.ToHaveAttributeAsync("data-started", startedBefore ?? "", new() { Timeout = 20_000 });
        await Expect(state).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await Expect(state).ToHaveTextAsync("已就绪");
        (await ops.Locator("[data-testid=forecast-shipped]").GetAttributeAsync("data-shipped")).ShouldNotBe("model");
        await Browser.ScreenshotAsync(ops, "ops-forecast", zone.Locator("svg"));
    }
}
