using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/payments/notify/wechat: the gateway says money arrived. Only a verified callback for a known intent
/// with the right amount moves it, exactly once; copies are acknowledged and change nothing.
/// </summary>
internal static class ReceivePaymentNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentNotifications.PaymentPath, Handle).AsGatewayCallback("微信支付成功通知 (WeChat Pay v3 TRANSACTION.SUCCESS callback)");

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        IDbContextOutbox<PaymentsDb> outbox,
        TimeProvider clock,
        CancellationToken ct)
    {
        var (verified, failure) = await verifier.VerifyAsync<WechatTransaction>(request, WechatPayJson.TransactionSuccess, ct);
        if (verified is null)
        {
            return failure!;
        }

        var paid = verified.Resource;
        var intent = Guid.TryParseExact(paid.OutTradeNo, "N", out var paymentId)
            ? await outbox.DbContext.Intents.FirstOrDefaultAsync(p => p.Id == paymentId, ct)
            : null;
        if (intent is null)
        {
            return Problems.Unprocessable("支付单不存在 (unknown out_trade_no)", "out_trade_no");
        }

        if (PaymentNotifications.Refusal(paid, intent.AmountFen, platform) is { } refused)
        {
            return refused;
        }

        if (intent.Status != PaymentStatus.Pending)
        {
            return PaymentNotifications.Acknowledge();
        }

        var now = clock.GetUtcNow();
        intent.GatewayTransactionId = paid.TransactionId;
        intent.PaidAt = PaymentNotifications.GatewayTime(paid.SuccessTime, now);
        var terms = await request.HttpContext.RequestServices.GetRequiredService<IOrderPaymentTerms>().GetAsync(intent.OrderId, ct);
        if (terms is { AwaitingPayment: true })
        {
            intent.Status = PaymentStatus.Succeeded;
            intent.Version++;
            await outbox.PublishAsync(new PaymentSucceeded(intent.Id, intent.OrderId, intent.AmountFen, paid.TransactionId, intent.PaidAt.Value));
        }
        else
        {
            // The order was cancelled while the customer paid: keep nothing that is not ours.
            var (refund, submit) = Refunds.Start(intent, "订单已不再等待支付，自动退款 (order no longer awaits payment)", now);
            outbox.DbContext.Refunds.Add(refund);
            await outbox.PublishAsync(submit);
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel copy of this callback made the transition; this copy is a duplicate.
        }

        return PaymentNotifications.Acknowledge();
    }
}
