using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine.Attributes;

namespace Kaifan.Growth.Presales;

/// <summary>An unpaid 预售 order that was cancelled (its payment deadline passed, or its customer gave up) frees its portions.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseEntryWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, GrowthDb db, CancellationToken ct) => ReleaseAsync(db, e.OrderId, ct);

    /// <summary>
    /// Inside the caller's transaction: only the release that removes the entry gives its portions back, so a repeated
    /// or parallel one finds nothing. A paid entry stays: its order is refunded by the chain's outcome, not released.
    /// </summary>
    internal static async Task ReleaseAsync(GrowthDb db, Guid orderId, CancellationToken ct)
    {
        var entry = await db.PresaleEntries.AsNoTracking().Where(e => e.OrderId == orderId && e.PaidAt == null)
            .Select(e => new { e.PresaleId, e.Quantity }).SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return;
        }

        var removed = await db.PresaleEntries.Where(e => e.OrderId == orderId && e.PaidAt == null).ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Presales.Where(p => p.Id == entry.PresaleId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Taken, p => p.Taken - entry.Quantity).SetProperty(p => p.Version, p => p.Version + 1), ct);
        }
    }
}
