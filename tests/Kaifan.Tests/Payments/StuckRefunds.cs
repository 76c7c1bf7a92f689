using System.Net;
using System.Security.Cryptography;
using Kaifan.Payments;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Payments;

/// <summary>A delivered order's whole-order refund, approved by the shop, that the gateway has not paid back.</summary>
internal sealed record StuckRefund(Guid OrderId, Guid RequestId, Guid PaymentId, long TotalFen, long AmountFen);

/// <summary>Refunds the gateway could not pay back (REFUND.ABNORMAL / REFUND.CLOSED), for the payment and ops console tests.</summary>
internal static class StuckRefunds
{
    /// <summary>
    /// The request's refund is recorded under its number as if sent, before the shop approves: Payments' handler of the
    /// approval then leaves it be, and the gateway's answer is the test's to send.
    /// </summary>
    public static async Task<StuckRefund> ApprovedAwaitingTheGatewayAsync(KaifanApp app, int customer)
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

    /// <summary>The sandbox books the refund ABNORMAL (the customer's card closed) and says so, as it does for its failing amount.</summary>
    public static async Task AbnormalAtTheGatewayAsync(KaifanApp app, ForgedNotifications forge, StuckRefund stuck)
    {
        var gatewayRefundId = "50" + RandomNumberGenerator.GetString("0123456789", 28);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
            db.SandboxRefunds.Add(new SandboxRefund
            {
                OutRefundNo = stuck.RequestId.ToString("N"), OutTradeNo = stuck.PaymentId.ToString("N"), RefundId = gatewayRefundId, AmountFen = stuck.AmountFen,
                RefundedAt = app.Clock.GetUtcNow(), Status = SandboxRefundStatus.Abnormal, NotifyPath = ForgedNotifications.RefundPath,
            });
            await db.SaveChangesAsync();
        }

        var abnormal = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen, status: "ABNORMAL", gatewayRefundId: gatewayRefundId);
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, abnormal))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
