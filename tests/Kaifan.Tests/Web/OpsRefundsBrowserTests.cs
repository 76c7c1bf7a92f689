using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Web.Shopping;

namespace Kaifan.Tests.Web;

/// <summary>
/// 退款流水 in the ops console: a shop rejects a paid order and the operator sees the money go back; the live ledger
/// takes over the prerendered rows without emptying the grid first.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsRefundsBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_sees_a_rejected_orders_refund_arrive_with_the_days_total()
    {
        const int customer = 3;
        var orderId = await PlacePaidOrderAsync(TestTokens.Customer(customer));
        var paid = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("totalFen").GetInt64();
        await PaymentOrders.RejectAsync(app, orderId);
        await PaymentProbe.EventuallyAsync(
            async () => (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonElement>("/api/ops/refunds?status=succeeded"))
                .GetProperty("refunds").EnumerateArray().Any(r => r.GetProperty("orderId").GetGuid() == orderId),
            "the refund is confirmed");

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await WatchRowsAsync(page, "[data-testid=refund-row]");
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.Locator("[data-testid=nav-refunds]").ClickAsync();
        var panel = page.Locator("[data-testid=ops-refunds]");
        await ExpectLiveAsync(page, panel);
        await ExpectRowsKeptAsync(page);

        var row = panel.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=refund-row][data-order-id='{orderId}']") });
        await Expect(row.Locator("[data-testid=refund-amount]")).ToHaveTextAsync(Display.Yuan(paid));
        await Expect(row).ToContainTextAsync("已到账");
        await Expect(row.Locator("[data-testid=refund-reason]")).ToContainTextAsync("订单取消");
        await Expect(panel.Locator("[data-testid=refunds-summary]")).ToContainTextAsync($"已退 {Display.Yuan(paid)}");

        await panel.Locator("[data-testid=refunds-status]").SelectOptionAsync("pending");
        await Expect(panel.Locator("[data-testid=refund-row]")).ToHaveCountAsync(0);
        await panel.Locator("[data-testid=refunds-status]").SelectOptionAsync("");
        await Expect(panel.Locator("[data-testid=refund-row]")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "ops-refunds", row);
    }
}
