using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Web;

/// <summary>
/// 消息故障: the dispatch board points the operator at a message that failed every retry; the page shows the first 100
/// of all of them and 显示更多 the rest, names each, its module and its error, and 重新投递 hands one back to its
/// handler once the cause is fixed.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsDeadLettersBrowserTests(DeadLetterSqliteApp app) : BrowserTests(app), IClassFixture<DeadLetterSqliteApp>
{
    [Fact]
    public async Task the_operator_finds_a_failed_message_from_the_dispatch_board_and_replays_it()
    {
        // One more than the page's first read, so that the one to replay may be past it.
        const int failed = 101;
        var alertId = await app.RaiseAlertAsync(broken: true);
        for (var i = 1; i < failed; i++)
        {
            await app.RaiseAlertAsync(broken: true);
        }

        var ops = app.Client(TestTokens.Operator());
        await PaymentProbe.EventuallyAsync(
            async () => (await ops.GetFromJsonAsync<JsonElement>("/api/ops/dead-letters?limit=1")).GetProperty("total").GetInt32() == failed,
            "the failed alerts are dead-lettered");

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        var alert = page.Locator("[data-testid=dead-letter-alert]");
        await Expect(alert).ToContainTextAsync("条消息多次重试仍失败", new() { Timeout = 15_000 });
        await alert.ClickAsync();

        var panel = page.Locator("[data-testid=ops-dead-letters]");
        await ExpectLiveAsync(page, panel);
        await Expect(panel.Locator("[data-testid=dead-letters-count]")).ToHaveTextAsync($"{failed}");
        var rows = panel.Locator("[data-testid=dead-letter-row]");
        await Expect(rows).ToHaveCountAsync(100);
        await Expect(panel.Locator("[data-testid=dead-letters-shown]")).ToHaveTextAsync($"已显示 100 条，共 {failed} 条");
        await panel.Locator("[data-testid=dead-letters-more]").ClickAsync();
        await Expect(rows).ToHaveCountAsync(failed);
        await Expect(panel.Locator("[data-testid=dead-letters-more]")).ToHaveCountAsync(0);
        var row = panel.Locator("tr").Filter(new() { HasText = alertId.ToString() });
        await Expect(row.Locator("[data-testid=dead-letter-type]")).ToHaveTextAsync("OnTimeAlertRaised");
        await Expect(row.Locator("[data-testid=dead-letter-handler]")).ToHaveTextAsync("实时通知 · OpsAlertHandler");
        await Expect(row).ToContainTextAsync("InvalidOperationException");
        await Browser.ScreenshotAsync(page, "ops-dead-letters", row);

        app.Alerts.Repair(alertId);
        await row.Locator("[data-testid=dead-letter-replay]").ClickAsync();
        await Expect(panel.Locator("[data-testid=dead-letters-message]")).ToContainTextAsync("已重新投递");
        await PaymentProbe.EventuallyAsync(() => Task.FromResult(app.Alerts.Delivered(alertId)), "the replayed alert reaches the operators");
    }
}
