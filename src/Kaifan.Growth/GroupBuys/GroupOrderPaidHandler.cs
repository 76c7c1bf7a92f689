using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// Counts a paid seat; the payment that fills the group forms it and sends all its orders to the merchant together.
/// A redelivery finds the seat paid and stops; two last payments at once collide on the group's Version and the loser
/// runs again, seeing the other.
/// </summary>
public static class GroupOrderPaidHandler
{
    public static async Task<OutgoingMessages> Handle(GroupOrderPaid paid, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var member = await db.GroupMembers.FindAsync([paid.OrderId], ct);
        if (member is null || member.PaidAt is not null)
        {
            return messages;
        }

        var group = await db.Groups.SingleAsync(g => g.Id == member.GroupId, ct);
        member.PaidAt = paid.PaidAt;
        var now = clock.GetUtcNow();
        if (group.CountPaid(now))
        {
            var others = await db.GroupMembers.AsNoTracking()
                .Where(m => m.GroupId == group.Id && m.PaidAt != null && m.OrderId != member.OrderId).Select(m => m.OrderId).ToListAsync(ct);
            messages.Add(new GroupFormed(group.Id, group.DealId, group.MerchantId, [.. others, member.OrderId], now));
        }

        return messages;
    }
}
