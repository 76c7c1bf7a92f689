using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine.Attributes;

namespace Kaifan.Growth.GroupBuys;

/// <summary>An unpaid 拼团 order that was cancelled (its payment deadline passed, or its customer gave up) frees its seat.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseSeatWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, GrowthDb db, CancellationToken ct) => ReleaseAsync(db, e.OrderId, e.CancelledAt, ct);

    /// <summary>
    /// Inside the caller's transaction: only the release that removes the seat gives it back, so a repeated or parallel
    /// one finds nothing to remove. A paid seat stays: its order is refunded, not released. A cancelled order's seat
    /// stays in its customer's history (cancelledAt); a placement that failed never was their order (null).
    /// </summary>
    internal static async Task ReleaseAsync(GrowthDb db, Guid orderId, DateTimeOffset? cancelledAt, CancellationToken ct)
    {
        var seat = await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.OrderId == orderId && m.PaidAt == null, ct);
        if (seat is null)
        {
            return;
        }

        var removed = await db.GroupMembers.Where(m => m.OrderId == orderId && m.PaidAt == null).ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Groups.Where(g => g.Id == seat.GroupId)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken - 1).SetProperty(g => g.Version, g => g.Version + 1), ct);
            if (cancelledAt is { } at)
            {
                db.GroupDepartures.Add(GroupDeparture.Of(seat, DepartureKind.OrderCancelled, at));
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
