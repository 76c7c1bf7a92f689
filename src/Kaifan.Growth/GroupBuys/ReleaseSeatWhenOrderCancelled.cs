using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine.Attributes;

namespace Kaifan.Growth.GroupBuys;

/// <summary>An unpaid 拼团 order that was cancelled (its payment deadline passed, or its customer gave up) frees its seat.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseSeatWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, GrowthDb db, CancellationToken ct) => ReleaseAsync(db, e.OrderId, ct);

    /// <summary>
    /// Inside the caller's transaction: only the release that removes the seat gives it back, so a repeated or parallel
    /// one finds nothing to remove. A paid seat stays: its order is refunded, not released.
    /// </summary>
    internal static async Task ReleaseAsync(GrowthDb db, Guid orderId, CancellationToken ct)
    {
        var groupId = await db.GroupMembers.Where(m => m.OrderId == orderId && m.PaidAt == null).Select(m => (Guid?)m.GroupId).SingleOrDefaultAsync(ct);
        if (groupId is null)
        {
            return;
        }

        var removed = await db.GroupMembers.Where(m => m.OrderId == orderId && m.PaidAt == null).ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Groups.Where(g => g.Id == groupId)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken - 1).SetProperty(g => g.Version, g => g.Version + 1), ct);
        }
    }
}
