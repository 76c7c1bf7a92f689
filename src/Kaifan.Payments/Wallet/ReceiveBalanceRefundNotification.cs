using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// POST /api/payments/notify/wechat-balance-refund: the gateway says how a 余额退回 part, or the return of a top-up paid too
/// late (<see cref="ReceiveTopUpNotification"/>), ended. SUCCESS completes the part; ABNORMAL or CLOSED fails it and puts its
/// money back on the balance. Either way the part is claimed by a conditional UPDATE from Pending in the transaction that
/// credits, so copies and retries, even at the same moment, change nothing more.
/// </summary>
internal static class ReceiveBalanceRefundNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentNotifications.BalanceRefundPath, Handle)
            .AsGatewayCallback("余额退回结果通知 (WeChat Pay v3 REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED callback for a balance refund)");

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        PaymentsDb db,
        TimeProvider clock,
        ILogger<BalanceRefund> log,
        CancellationToken ct)
    {
        var (verified, failure) = await verifier.VerifyAsync<WechatRefund>(request, WechatPayJson.RefundOutcomes, ct);
        if (verified is null)
        {
            return failure!;
        }

        var returned = verified.Resource;
        if (PaymentNotifications.RefundRefusal(verified, platform) is { } refused)
        {
            return refused;
        }

        var succeeded = returned.RefundStatus == "SUCCESS";

        var partId = Guid.TryParseExact(returned.OutRefundNo, "N", out var id) ? id : Guid.Empty;
        var part = await db.BalanceRefunds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == partId, ct);
        if (part is null)
        {
            // A top-up paid after it expired, or after its customer left, is returned whole under its own number.
            var topUp = await db.TopUps.AsNoTracking().FirstOrDefaultAsync(t => t.Id == partId && t.Status == TopUpStatus.Returned, ct);
            if (topUp is null || returned.OutTradeNo != returned.OutRefundNo || returned.Amount.Refund != topUp.AmountFen)
            {
                return Problems.Unprocessable("退款单不存在 (unknown out_refund_no)", "out_refund_no");
            }

            if (!succeeded)
            {
                log.LogCritical(
                    "Top-up {TopUpId}, paid too late, could not be refunded ({Status}): ¥{Yuan} is owed to the payer by hand",
                    topUp.Id, returned.RefundStatus, Fen.ToYuan(topUp.AmountFen));
            }

            return PaymentNotifications.Acknowledge();
        }

        if (returned.OutTradeNo != part.TopUpId.ToString("N") || returned.Amount.Refund != part.AmountFen)
        {
            return Problems.Unprocessable("金额不符 (amount.refund does not match the refund)", "amount.refund");
        }

        var at = PaymentNotifications.GatewayTime(returned.SuccessTime, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.BalanceRefunds
            .Where(r => r.Id == part.Id && r.Status == BalanceRefundStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, succeeded ? BalanceRefundStatus.Succeeded : BalanceRefundStatus.Failed)
                    .SetProperty(r => r.CompletedAt, at)
                    .SetProperty(r => r.GatewayRefundId, returned.RefundId.Length <= 64 ? returned.RefundId : null),
                ct);
        if (claimed == 0)
        {
            return PaymentNotifications.Acknowledge();
        }

        if (!succeeded)
        {
            log.LogWarning("Balance refund part {PartId} ended {Status}: ¥{Yuan} goes back to the balance", part.Id, returned.RefundStatus, Fen.ToYuan(part.AmountFen));
            await WalletLedger.CreditAsync(db, part.CustomerId, part.AmountFen, WalletEntryKind.WithdrawalFailed, part.Id, clock.GetUtcNow(), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PaymentNotifications.Acknowledge();
    }
}
