using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Earnings;
using Kaifan.Payments;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Refunds;
using Kaifan.Web.Shopping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>
/// 退款流水 in the ops console: a shop rejects a paid order and the operator sees the money go back; the live ledger
/// takes over the prerendered rows without emptying the grid first, and pays a refund the customer's bank refused to the
/// merchant's account (异常退款). 提现记录, the money going out to riders: a withdrawal
/// whose callback the gateway lost waits 处理中 until the operator's 对账 finds it paid.
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

        // A refund the customer's bank could not take: 异常退款 pays it to the merchant's account, to hand over offline.
        var stuck = await StuckRefunds.ApprovedAwaitingTheGatewayAsync(app, customer: 4);
        await StuckRefunds.AbnormalAtTheGatewayAsync(app, new ForgedNotifications(app), stuck);
        await panel.Locator("[data-testid=refunds-status]").SelectOptionAsync("abnormal");
        var abnormal = panel.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=refund-row][data-order-id='{stuck.OrderId}']") });
        await Expect(abnormal).ToContainTextAsync("退款异常");
        await Browser.ScreenshotAsync(page, "ops-refunds-abnormal", abnormal);
        await abnormal.Locator("[data-testid=refund-to-merchant]").ClickAsync();
        await Expect(panel.Locator("[data-testid=refunds-message]")).ToContainTextAsync("已发起异常退款");
        await Expect(abnormal.Locator("[data-testid=refund-to-merchant]")).ToHaveCountAsync(0);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(stuck.OrderId, 4) == "refunded", "the gateway's SUCCESS reached the customer");

        // A day with more refunds than a page: the ledger says how many it shows and asks for more.
        await SeedPendingRefundsAsync(orderId, 51);
        await panel.Locator("[data-testid=refunds-status]").SelectOptionAsync("pending");
        await Expect(panel.Locator("[data-testid=refunds-shown]")).ToHaveTextAsync("已显示 50 条");
        await Expect(panel.Locator("[data-testid=refund-row]")).ToHaveCountAsync(50);
        await panel.Locator("[data-testid=refunds-more]").ClickAsync();
        await Expect(panel.Locator("[data-testid=refund-row]")).ToHaveCountAsync(51);
        await Expect(panel.Locator("[data-testid=refunds-more]")).ToHaveCountAsync(0);
    }

    /// <summary>Refunds the gateway has not answered yet, written straight to Payments' table.</summary>
    private async Task SeedPendingRefundsAsync(Guid orderId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var paymentId = await db.Intents.Where(p => p.OrderId == orderId).Select(p => p.Id).SingleAsync();
        var now = app.Clock.GetUtcNow();
        db.Refunds.AddRange(Enumerable.Range(1, count).Select(i => new Refund
        {
            Id = Guid.NewGuid(), PaymentId = paymentId, AmountFen = 1, Reason = "test: waiting", Status = RefundStatus.Pending, RequestedAt = now.AddSeconds(-i),
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task the_operator_reconciles_a_withdrawal_whose_callback_was_lost_and_sees_it_paid()
    {
        const int riderNo = 8;
        var riderId = DemoCampus.RiderId(riderNo);
        var lost = app.Services.GetRequiredService<SandboxKeys>().LostCallbackTransferFen;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            dispatch.RiderEarnings.Add(new RiderEarning
            {
                OrderId = Guid.NewGuid(), RiderId = riderId, OrderNumber = "T", ZoneId = DeliveryKit.EastZone, DeliveredAt = app.Clock.GetUtcNow().AddDays(-1),
                BaseFen = lost, TotalFen = lost,
            });
            await dispatch.SaveChangesAsync();
        }

        var withdraw = new HttpRequestMessage(HttpMethod.Post, "/api/rider/withdrawals") { Content = JsonContent.Create(new { amountFen = lost }) };
        withdraw.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await app.Rider(riderNo).SendAsync(withdraw);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxTransfers.AnyAsync(t => t.OutBillNo == id.ToString("N"));
            },
            "the gateway has paid the transfer (and sends no callback)");

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.Locator("[data-testid=nav-withdrawals]").ClickAsync();
        var panel = page.Locator("[data-testid=ops-withdrawals]");
        await ExpectLiveAsync(page, panel);

        var row = panel.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=withdrawal-row][data-id='{id}']") });
        await Expect(row.Locator("[data-testid=withdrawal-amount]")).ToHaveTextAsync(Display.Yuan(lost));
        await Expect(row.Locator("[data-testid=withdrawal-rider]")).ToContainTextAsync("137****" + DemoCampus.RiderPhone(riderNo)[^4..]);
        await Expect(row).ToContainTextAsync("处理中");
        await Expect(row.Locator("[data-testid=withdrawal-completed]")).ToHaveTextAsync("—");

        await row.Locator("[data-testid=withdrawal-reconcile]").ClickAsync();
        await Expect(panel.Locator("[data-testid=withdrawals-message]")).ToContainTextAsync("转账成功，已到账");
        await Expect(row).ToContainTextAsync("已到账");
        await Expect(row.Locator("[data-testid=withdrawal-completed]")).Not.ToHaveTextAsync("—");
        await Expect(row.Locator("[data-testid=withdrawal-reconcile]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "ops-withdrawals", panel);

        await panel.Locator("[data-testid=withdrawals-status]").SelectOptionAsync("pending");
        await Expect(panel.Locator($"[data-testid=withdrawal-row][data-id='{id}']")).ToHaveCountAsync(0);
        await panel.Locator("[data-testid=withdrawals-status]").SelectOptionAsync("paid");
        await Expect(panel.Locator($"[data-testid=withdrawal-row][data-id='{id}']")).ToHaveAttributeAsync("data-status", "paid");
    }
}
