using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Payments.Wallet;

/// <summary>Returns a 余额支付 payment's refund to the balance; sent through the outbox once the refund is recorded.</summary>
public sealed record RefundToBalance(Guid RefundId);

/// <summary>
/// The balance's answer to a refund, in place of the gateway's REFUND.SUCCESS callback: the refund succeeds, the money is
/// credited and the same PaymentRefunded goes out, in one transaction. Claiming the refund with a conditional UPDATE
/// makes a redelivered message credit nothing more.
/// </summary>
public static class RefundToBalanceHandler
{
    public static async Task Handle(RefundToBalance command, PaymentsDb db, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Refunds
            .Where(r => r.Id == command.RefundId && r.Status == RefundStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RefundStatus.Succeeded)
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.Version, r => r.Version + 1),
                ct);
        if (claimed == 0)
        {
            return;
        }

        var refund = await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == command.RefundId, ct);
        var intent = await db.Intents.SingleAsync(p => p.Id == refund.PaymentId, ct);
        await WalletLedger.CreditAsync(db, intent.CustomerId, refund.AmountFen, WalletEntryKind.Refund, refund.Id, now, ct);

        // As with the gateway's callback: a part leaves the intent Succeeded; the refund that returns the rest closes it.
        if (intent.Status == PaymentStatus.Refunding && !await db.Refunds.AnyAsync(r => r.PaymentId == intent.Id && r.Status != RefundStatus.Succeeded, ct))
        {
            intent.Status = PaymentStatus.Refunded;
            intent.RefundedAt = now;
            intent.Version++;
        }

        await bus.PublishAsync(new PaymentRefunded(intent.Id, intent.OrderId, refund.AmountFen, now, refund.Id));
    }
}
