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
        var refund = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RefundId, ct);
        if (refund is null)
        {
            return;
        }

        // Parts of one payment take turns on its row (a no-op update, as RefundApprovedRequest does): two parts handled
        // at once would each see the other still Pending and neither would close the intent.
        await db.Intents.Where(p => p.Id == refund.PaymentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), ct);
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
