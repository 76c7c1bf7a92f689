using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Insights;

namespace Kaifan.Tests.Web;

/// <summary>
/// 用户分层 in the ops console: the operator sees the eight segments with a regular, a bystander and a lapsed big
/// spender counted in theirs, defines a daily campaign for 重要挽留客户, runs it once (the consenting lapsed customer gets
/// the coupon) and pauses it.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class SegmentsPageTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_reads_the_segments_and_creates_runs_and_pauses_a_campaign()
    {
        var now = app.Clock.GetUtcNow();
        await RfmKit.HistoryAsync(app, Guid.NewGuid(), 20, 10_000, now);
        await RfmKit.DeliverAsync(app, Guid.NewGuid(), 100, now);
        var lapsed = await RfmKit.ConsentingCustomerAsync(app);
        await RfmKit.DeliverAsync(app, lapsed, 200_000, now.AddDays(-60));

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await context.NewPageAsync();
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await ops.Locator("[data-testid=nav-segments]").ClickAsync();

        var segments = ops.Locator("[data-testid=segments]");
        await ExpectLiveAsync(ops, segments);
        await Expect(segments.Locator("h2")).ToContainTextAsync("用户分层");
        await Expect(segments.Locator("[data-testid=segment-name]")).ToHaveCountAsync(8);
        await Expect(Row(segments, "important_value").Locator("[data-testid=segment-count]")).ToHaveTextAsync("1");
        await Expect(Row(segments, "important_value").Locator("[data-testid=segment-total]")).ToHaveTextAsync("¥2000");
        await Expect(Row(segments, "important_win_back").Locator("[data-testid=segment-count]")).ToHaveTextAsync("1");
        await Expect(Row(segments, "general_develop").Locator("[data-testid=segment-count]")).ToHaveTextAsync("1");
        await Expect(Row(segments, "general_value").Locator("[data-testid=segment-count]")).ToHaveTextAsync("0");

        var campaigns = ops.Locator("[data-testid=campaigns]");
        await Expect(campaigns).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
        await campaigns.Locator("[data-testid=campaign-name]").FillAsync("老客召回");
        await campaigns.Locator("[data-testid=campaign-segment]").SelectOptionAsync("important_win_back");
        await campaigns.Locator("[data-testid=campaign-trigger]").SelectOptionAsync("daily");
        await campaigns.Locator("[data-testid=campaign-run-at]").FillAsync("10:30");
        await campaigns.Locator("[data-testid=campaign-create]").ClickAsync();
        await Expect(campaigns.Locator("[data-testid=campaign-cell]")).ToHaveTextAsync("老客召回");
        await Expect(campaigns.Locator("[data-testid=campaign-grid]")).ToContainTextAsync("每天 10:30");
        await Expect(campaigns.Locator("[data-testid=campaign-status]")).ToHaveTextAsync("运行中");

        await campaigns.Locator("[data-testid=campaign-run]").ClickAsync();
        await Expect(campaigns.Locator("[data-testid=run-targeted]")).ToHaveTextAsync("1");
        await Expect(campaigns.Locator("[data-testid=run-granted]")).ToHaveTextAsync("1");
        await Expect(campaigns.Locator("[data-testid=campaign-runs]")).ToContainTextAsync("手动");
        await Browser.ScreenshotAsync(ops, "ops-segments", campaigns.Locator("[data-testid=run-granted]"));

        await campaigns.Locator("[data-testid=campaign-pause]").ClickAsync();
        await Expect(campaigns.Locator("[data-testid=campaign-status]")).ToHaveTextAsync("已暂停");
        await Expect(campaigns.Locator("[data-testid=campaign-run]")).ToBeDisabledAsync();
    }

    private static Microsoft.Playwright.ILocator Row(Microsoft.Playwright.ILocator segments, string key) =>
        segments.Locator("tr").Filter(new() { Has = segments.Page.Locator($"[data-testid=segment-name][data-key={key}]") });
}
