using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.GroupBuys;

/// <summary>Scheduled durably when a group opens, for the end of its window.</summary>
public sealed record GroupWindowEnded(Guid GroupId);

/// <summary>
/// A group still open when its window ends fails, or is disbanded when nobody is in it: every order holding a seat of a
/// failed group, paid or not, is named in GroupFailed so Ordering cancels it (and Payments refunds the paid ones).
/// Failing moves the group's Version, so a join or a last payment committed meanwhile makes this run again and see it.
/// </summary>
public static class GroupWindowEndedHandler
{
    public static async Task<OutgoingMessages> Handle(GroupWindowEnded message, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var group = await db.Groups.FindAsync([message.GroupId], ct);
        if (group is null || group.Status != GroupStatus.Open)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < group.ExpiresAt)
        {
            messages.Delay(message, group.ExpiresAt - now);
            return messages;
        }

        // Nobody holds a seat any more (the last unpaid order was cancelled): nothing failed, and nothing to cancel.
        if (group.Disband(now))
        {
            return messages;
        }

        group.Fail(now);
        var orderIds = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == group.Id).Select(m => m.OrderId).ToListAsync(ct);
        messages.Add(new GroupFailed(group.Id, group.DealId, orderIds, now));
        return messages;
    }
}
