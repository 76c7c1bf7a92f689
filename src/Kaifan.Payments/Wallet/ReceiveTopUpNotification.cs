using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// POST /api/payments/notify/wechat-top-up: the gateway says a top-up's money arrived. Only a verified callback with the
/// right amount credits the balance, exactly once: the top-up is claimed by a conditional UPDATE in the transaction that
/// credits, so copies and retries, even at the same moment, find it claimed and are acknowledged. Money for a top-up that
/// expired first, or for a customer who has since erased their account, is credited to no one: the top-up is claimed
/// Returned and the trade refunded whole, in one transaction with the refund's message.
/// </summary>
internal static class ReceiveTopUpNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentNotifications.TopUpPath, Handle).AsGatewayCallback("充值成功通知 (WeChat Pay v3 TRANSACTION.SUCCESS callback for a top-up)");

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        IDbContextOutbox<PaymentsDb> outbox,
        TimeProvider clock,
        ILogger<WalletTopUp> log,
        CancellationToken ct)
    {
        var (verified, failure) = await verifier.VerifyAsync<WechatTransaction>(request, WechatPayJson.TransactionSuccess, ct);
        if (verified is null)
        {
            return failure!;
        }

        var db = outbox.DbContext;
        var paid = verified.Resource;
        var topUp = Guid.TryParseExact(paid.OutTradeNo, "N", out var topUpId)
            ? await db.TopUps.AsNoTracking().FirstOrDefaultAsync(t => t.Id == topUpId, ct)
            : null;
        if (topUp is null)
        {
            return Problems.Unprocessable("充值单不存在 (unknown out_trade_no)", "out_trade_no");
        }

        if (PaymentNotifications.Refusal(paid, topUp.AmountFen, platform) is { } refused)
        {
            return refused;
        }

        var creditedAt = PaymentNotifications.GatewayTime(paid.SuccessTime, clock.GetUtcNow());
        var closed = await db.Wallets.AnyAsync(w => w.CustomerId == topUp.CustomerId && w.ClosedAt != null, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!closed)
        {
            var claimed = await db.TopUps
                .Where(t => t.Id == topUp.Id && t.Status == TopUpStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.Status, TopUpStatus.Credited)
                        .SetProperty(t => t.GatewayTransactionId, paid.TransactionId)
                        .SetProperty(t => t.CreditedAt, creditedAt),
                    ct);
            if (claimed == 1)
            {
                await WalletLedger.CreditAsync(db, topUp.CustomerId, topUp.AmountFen, WalletEntryKind.TopUp, topUp.Id, creditedAt, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // The customer's first two top-ups credited at once both opened the wallet; the gateway retries this one.
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                return PaymentNotifications.Acknowledge();
            }
        }

        // Credited already, or returned already by a copy of this callback: nothing to claim, and nothing is sent twice.
        var returned = await db.TopUps
            .Where(t => t.Id == topUp.Id && (t.Status == TopUpStatus.Pending || t.Status == TopUpStatus.Expired))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TopUpStatus.Returned).SetProperty(t => t.GatewayTransactionId, paid.TransactionId), ct);
        if (returned == 1)
        {
            log.LogWarning(
                "Top-up {TopUpId} was paid after {Why}: its ¥{Yuan} is refunded to the payer, not credited",
                topUp.Id, closed ? "its customer erased the account" : "it expired", Fen.ToYuan(topUp.AmountFen));
            var number = topUp.Id.ToString("N");
            await outbox.PublishAsync(new SubmitBalanceRefund(number, number, topUp.AmountFen));
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }

        return PaymentNotifications.Acknowledge();
    }
}
