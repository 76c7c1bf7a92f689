using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Web;

/// <summary>
/// 消息故障: the dispatch board points the operator at a message that failed every retry; the page names it, its module
/// and its error, and 重新投递 hands it back to its handler once the cause is fixed.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsDeadLettersBrowserTests(DeadLetterSqliteApp app) : BrowserTests(app), IClassFixture<DeadLetterSqliteApp>
{
    [Fact]
    public async Task the_operator_finds_a_failed_message_from_the_dispatch_board_and_replays_it()
    {
        var alertId = await app.RaiseAlertAsync(broken: true);
        var ops = app.Client(TestTokens.Operator());
        await PaymentProbe.EventuallyAsync(
            async () => (await ops.GetFromJsonAsync<JsonElement>("/api/ops/dead-letters")).GetProperty("letters").EnumerateArray()
                .Any(l => l.GetProperty("exceptionMessage").GetString()!.Contains(alertId.ToString(), StringComparison.Ordinal)),
            "the failed alert is dead-lettered");

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        var alert = page.Locator("[data-testid=dead-letter-alert]");
        await Expect(alert).ToContainTextAsync("条消息多次重试仍失败", new() { Timeout = 15_000 });
        await alert.ClickAsync();

        var panel = page.Locator("[data-testid=ops-dead-letters]");
        await ExpectLiveAsync(page, panel);
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
