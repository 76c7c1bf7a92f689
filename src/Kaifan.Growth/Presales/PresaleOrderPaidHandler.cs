using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// Counts a paid entry in its chain. A redelivery finds the entry paid and stops; a payment that lands after the chain
/// was decided is not counted (the outcome named the order as unpaid, so Ordering cancels and refunds it).
/// </summary>
public static class PresaleOrderPaidHandler
{
    public static async Task Handle(PresaleOrderPaid paid, GrowthDb db, CancellationToken ct)
    {
        var entry = await db.PresaleEntries.FindAsync([paid.OrderId], ct);
        if (entry is null || entry.PaidAt is not null)
        {
            return;
        }

        var presale = await db.Presales.SingleAsync(p => p.Id == entry.PresaleId, ct);
        if (presale.Status != PresaleStatus.Open)
        {
            return;
        }

        entry.PaidAt = paid.PaidAt;
        presale.CountPaid(entry.Quantity);
    }
}
