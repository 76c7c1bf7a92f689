using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/payments/notify/wechat-refund: the gateway says a refund's money went back; it counts once, and the intent
/// is Refunded when it was refunding and no other part is still on its way. Or it says the money could not go back
/// (ABNORMAL, CLOSED): the refund is Abnormal, acknowledged so the gateway stops asking, and logged as critical, as the
/// customer is still owed it and someone must pay it by hand, and Ordering hears it (PaymentRefundAbnormal) to tell the
/// customer; the intent stays refunding until a SUCCESS comes.
/// </summary>
internal static class ReceiveRefundNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentNotifications.RefundPath, Handle)
            .AsGatewayCallback("微信退款结果通知 (WeChat Pay v3 REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED callback)");

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        IDbContextOutbox<PaymentsDb> outbox,
        TimeProvider clock,
        ILogger<Refund> log,
        CancellationToken ct)
    {
        var (verified, failure) = await verifier.VerifyAsync<WechatRefund>(request, WechatPayJson.RefundOutcomes, ct);
        if (verified is null)
        {
            return failure!;
        }

        var returned = verified.Resource;
        var db = outbox.DbContext;
        var intent = Guid.TryParseExact(returned.OutTradeNo, "N", out var paymentId)
            ? await db.Intents.FirstOrDefaultAsync(p => p.Id == paymentId, ct)
            : null;
        if (intent is null)
        {
            return Problems.Unprocessable("支付单不存在 (unknown out_trade_no)", "out_trade_no");
        }

        var refund = Guid.TryParseExact(returned.OutRefundNo, "N", out var refundId)
            ? await db.Refunds.FirstOrDefaultAsync(r => r.Id == refundId && r.PaymentId == intent.Id, ct)
            : null;
        if (refund is null)
        {
            return Problems.Unprocessable("退款单不存在 (unknown out_refund_no)", "out_refund_no");
        }

        if (PaymentNotifications.RefundRefusal(verified, platform) is { } refused)
        {
            return refused;
        }

        var succeeded = returned.RefundStatus == "SUCCESS";

        if (returned.Amount.Refund != refund.AmountFen || returned.Amount.Total != intent.AmountFen)
        {
            return Problems.Unprocessable("金额不符 (amount.refund does not match the refund)", "amount.refund");
        }

        // An Abnormal refund can still succeed: the station's 异常退款 sends it again, and the gateway then says SUCCESS.
        if (refund.Status is RefundStatus.Succeeded or RefundStatus.Closed || (refund.Status == RefundStatus.Abnormal && !succeeded))
        {
            return PaymentNotifications.Acknowledge();
        }

        if (!succeeded)
        {
            return await AbnormalAsync(outbox, refund, intent, returned, clock.GetUtcNow(), log, ct);
        }

        var refundedAt = PaymentNotifications.GatewayTime(returned.SuccessTime, clock.GetUtcNow());
        refund.Status = RefundStatus.Succeeded;
        refund.CompletedAt = refundedAt;
        refund.Version++;

        // A part of the payment leaves the intent Succeeded; the refund that returns the rest of it closes it.
        if (intent.Status == PaymentStatus.Refunding)
        {
            var others = await db.Refunds.Where(r => r.PaymentId == intent.Id && r.Id != refund.Id && r.Status != RefundStatus.Succeeded && r.Status != RefundStatus.Closed).AnyAsync(ct);
            if (!others)
            {
                intent.Status = PaymentStatus.Refunded;
                intent.RefundedAt = refundedAt;
                intent.Version++;
            }
        }

        await outbox.PublishAsync(new PaymentRefunded(intent.Id, intent.OrderId, refund.AmountFen, refundedAt, refund.KnownAs));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel copy of this callback made the transition.
        }

        return PaymentNotifications.Acknowledge();
    }

    private static async Task<IResult> AbnormalAsync(
        IDbContextOutbox<PaymentsDb> outbox, Refund refund, PaymentIntent intent, WechatRefund returned, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        refund.Status = RefundStatus.Abnormal;
        refund.GatewayOutcome = returned.RefundStatus;
        refund.GatewayRefundId = returned.RefundId;
        refund.Version++;
        await outbox.PublishAsync(new PaymentRefundAbnormal(intent.Id, intent.OrderId, refund.AmountFen, now, refund.KnownAs));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            log.LogCritical(
                "Refund {RefundId} of order {OrderId} ({Yuan} yuan) ended {Status} at the gateway: the customer is still owed it, to be paid by hand (异常退款)",
                refund.Id, intent.OrderId, Fen.ToYuan(refund.AmountFen), returned.RefundStatus);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel copy of this callback made the transition.
        }

        return PaymentNotifications.Acknowledge();
    }
}
