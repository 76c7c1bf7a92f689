using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine.Attributes;

namespace Kaifan.Growth.GroupBuys;

/// <summary>An unpaid 拼团 order that was cancelled (its payment deadline passed, or its customer gave up) frees its seat.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseSeatWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, GrowthDb db, CancellationToken ct) => ReleaseAsync(db, e.OrderId, e.CancelledAt, keepInHistory: true, ct);

    /// <summary>
    /// Inside the caller's transaction: only the release that removes the seat gives it back, so a repeated or parallel
    /// one finds nothing to remove. A paid seat stays: its order is refunded, not released. The seat goes as a leave's
    /// does: the lead passes on, and a group nobody holds a seat in any more is disbanded at once instead of staying
    /// joinable until its window ends. A cancelled order's seat stays in its customer's history (keepInHistory); a
    /// placement that failed never was their order.
    /// </summary>
    internal static async Task ReleaseAsync(GrowthDb db, Guid orderId, DateTimeOffset at, bool keepInHistory, CancellationToken ct)
    {
        var seat = await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.OrderId == orderId && m.PaidAt == null, ct);
        if (seat is null)
        {
            return;
        }

        // The seats before the group, as a leave and a payment lock them, so none of them deadlocks with this release.
        await db.GroupMembers.Where(m => m.GroupId == seat.GroupId).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsLeader, m => m.IsLeader), ct);
        var removed = await db.GroupMembers.Where(m => m.OrderId == orderId && m.PaidAt == null).ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Groups.Where(g => g.Id == seat.GroupId)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken - 1).SetProperty(g => g.Version, g => g.Version + 1), ct);
            await LeaveGroup.HandOverAsync(db, seat.GroupId, seat.IsLeader, at, ct);
            if (keepInHistory)
            {
                db.GroupDepartures.Add(GroupDeparture.Of(seat, DepartureKind.OrderCancelled, at));
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
