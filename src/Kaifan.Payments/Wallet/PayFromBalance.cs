using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// 余额支付, the balance branch of POST /api/orders/{orderId}/payments: the debit, the paid intent and the same
/// PaymentSucceeded the gateway's callback publishes commit together, so the order moves on exactly as if paid by WeChat.
/// </summary>
internal static class PayFromBalance
{
    public const string Channel = "balance";

    public static async Task<IResult> PayAsync(IDbContextOutbox<PaymentsDb> outbox, Guid orderId, Guid customerId, long amountFen, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var now = clock.GetUtcNow();
        var paymentId = Guid.CreateVersion7(now);
        var reference = "balance" + paymentId.ToString("N");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await WalletLedger.TryDebitAsync(db, customerId, amountFen, WalletEntryKind.Payment, paymentId, now, ct))
        {
            var balance = await WalletLedger.BalanceAsync(db, customerId, ct);
            return Problems.Conflict($"余额不足，当前余额 ¥{Fen.ToYuan(balance)} (the balance does not cover ¥{Fen.ToYuan(amountFen)})", "balance");
        }

        // Born paid: one transition, counted in Version like the gateway path's Pending → Succeeded.
        var intent = new PaymentIntent
        {
            Id = paymentId,
            OrderId = orderId,
            CustomerId = customerId,
            AmountFen = amountFen,
            Channel = Channel,
            Status = PaymentStatus.Succeeded,
            GatewayPrepayId = reference,
            GatewayTransactionId = reference,
            CreatedAt = now,
            ExpiresAt = now,
            PaidAt = now,
            Version = 1,
        };
        db.Intents.Add(intent);
        await outbox.PublishAsync(new PaymentSucceeded(intent.Id, orderId, amountFen, reference, now));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel payment of the same order won; the rollback gives this debit back.
            return Problems.Conflict("订单不在待支付状态 (the order is not awaiting payment)", "orderId");
        }

        return Results.Created($"/api/payments/{intent.Id}", PaymentView.Of(intent));
    }
}
