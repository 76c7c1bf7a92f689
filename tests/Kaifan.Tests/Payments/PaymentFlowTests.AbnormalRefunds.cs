using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Payments;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Payments;

/// <summary>Refunds the gateway could not pay back (REFUND.ABNORMAL / REFUND.CLOSED): what the customer sees, what the station does.</summary>
public abstract partial class PaymentFlowTests
{
    [Fact]
    public async Task a_refund_stuck_at_the_gateway_shows_the_customer_refund_abnormal_until_its_money_comes()
    {
        const int customer = 1;
        var stuck = await ApprovedRefundAwaitingTheGatewayAsync(customer);
        var abnormal = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen, abnormal: true);

        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, abnormal))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(async () => (await app.RefundOfAsync(stuck.OrderId, customer))["latest"]!["refundAbnormal"]!.GetValue<bool>(), "the customer sees 退款异常");
        (await app.LatestStatusAsync(stuck.OrderId, customer)).ShouldBe("approved");
        (await ListStatusAsync(stuck.OrderId, customer)).ShouldBe("abnormal");

        var success = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen);
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, success))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(stuck.OrderId, customer) == "refunded", "the customer sees 已退款");
        (await app.RefundOfAsync(stuck.OrderId, customer))["latest"]!["refundAbnormal"]!.GetValue<bool>().ShouldBeFalse();
        (await ListStatusAsync(stuck.OrderId, customer)).ShouldBe("refunded");
        (await probe.PaymentStatusAsync(stuck.PaymentId, customer)).ShouldBe("Refunded");
    }

    /// <summary>
    /// A delivered order's whole-order refund request, approved by the shop, whose refund Payments already recorded under
    /// the request's number as if sent: its handler of the approval then leaves it be, and the gateway's answer is the test's.
    /// </summary>
    private async Task<StuckRefund> ApprovedRefundAwaitingTheGatewayAsync(int customer)
    {
        var orderId = IdOf(await app.DeliveredOrderAsync(customer));
        var asked = await app.RequestedAsync(customer, orderId, RefundKit.Whole("missing"));
        var requestId = asked["id"]!.GetValue<Guid>();
        var amountFen = asked["amountFen"]!.GetValue<long>();
        Guid paymentId;
        long totalFen;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
            var intent = await db.Intents.SingleAsync(p => p.OrderId == orderId);
            (paymentId, totalFen) = (intent.Id, intent.AmountFen);
            intent.Status = PaymentStatus.Refunding;
            intent.Version++;
            db.Refunds.Add(new Refund
            {
                Id = requestId, PaymentId = paymentId, AmountFen = amountFen, Reason = "申请退款 (refund request)", Status = RefundStatus.Pending, RequestedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return new StuckRefund(orderId, requestId, paymentId, totalFen, amountFen);
    }

    private async Task<string?> ListStatusAsync(Guid orderId, int customer) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray()
            .Single(o => o.GetProperty("id").GetGuid() == orderId).GetProperty("refundStatus").GetString();

    private sealed record StuckRefund(Guid OrderId, Guid RequestId, Guid PaymentId, long TotalFen, long AmountFen);
}
