using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// POST /api/growth/groups/{id}/leave (退出拼团): a paid member leaves before the group forms. The seat is freed in the
/// same commit as GroupLeft, on which Ordering cancels the 待成团 order and the usual path refunds it; the group stays
/// open for the others with its window unchanged. When the 团长 leaves, the earliest remaining member (paid first)
/// leads, as on the big platforms; when nobody is left the group is disbanded (已解散) at once, which is no failure.
/// The seat goes, its story stays (GroupDeparture, for the leaver's export), and the leaver may join again. Formed,
/// failed or past its window is 422 naming "groupId", as is an unpaid seat (its order is simply cancelled); not a
/// member is 404. Nothing changes then.
/// </summary>
internal static class LeaveGroup
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/groups/{id:guid}/leave", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var member = await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == id && m.CustomerId == customerId, ct);
        if (member is null)
        {
            return Problems.NotFoundAt(GroupBuyRules.GroupField, "你不在这个团里 (you are not in this group)");
        }

        if (member.PaidAt is null)
        {
            return Problems.Unprocessable("订单尚未支付，请直接取消订单 (an unpaid order is cancelled from its page)", GroupBuyRules.GroupField);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The seats before the group, in the order a payment's save writes them (its seat, then the group): a leave and
        // the last payment then wait for each other instead of deadlocking over the heir's seat.
        await db.GroupMembers.Where(m => m.GroupId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsLeader, m => m.IsLeader), ct);

        // The group's Version moves with it, so a last payment forming it (or its window ending) at this moment runs
        // again and sees the leave; if that came first, the group is no longer open and the leave is refused.
        var stepped = await db.Groups
            .Where(g => g.Id == id && g.Status == GroupStatus.Open && g.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken - 1).SetProperty(g => g.Paid, g => g.Paid - 1)
                .SetProperty(g => g.Version, g => g.Version + 1), ct);
        var removed = stepped == 0 ? 0 : await db.GroupMembers.Where(m => m.OrderId == member.OrderId && m.PaidAt != null).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            await transaction.RollbackAsync(ct);
            return stepped == 0
                ? Problems.Unprocessable("已成团或拼团已结束，不能退出 (the group has formed or ended; leaving is no longer possible)", GroupBuyRules.GroupField)
                : Problems.Conflict("订单状态刚刚变化，请刷新后重试 (the seat changed meanwhile; try again)", GroupBuyRules.GroupField);
        }

        await HandOverAsync(db, id, member.IsLeader, now, ct);
        db.GroupDepartures.Add(GroupDeparture.Of(member, DepartureKind.Left, now));
        await outbox.PublishAsync(new GroupLeft(id, member.OrderId, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.NoContent();
    }

    /// <summary>
    /// A leaving 团长 passes the lead on; an empty group is disbanded now rather than waiting out its window alone. Also
    /// after an unpaid order's seat is released (ReleaseSeatWhenOrderCancelled), under the same seat locks.
    /// </summary>
    internal static async Task HandOverAsync(GrowthDb db, Guid groupId, bool leaderLeft, DateTimeOffset now, CancellationToken ct)
    {
        var rest = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(ct);
        if (rest.Count == 0)
        {
            await db.Groups.Where(g => g.Id == groupId && g.Status == GroupStatus.Open && g.Taken == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupStatus.Disbanded).SetProperty(g => g.DisbandedAt, now)
                    .SetProperty(g => g.Version, g => g.Version + 1), ct);
            return;
        }

        if (leaderLeft && rest.All(m => !m.IsLeader))
        {
            var heir = rest.OrderBy(m => m.PaidAt is null).ThenBy(m => m.JoinedAt).First();
            await db.GroupMembers.Where(m => m.OrderId == heir.OrderId).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsLeader, true), ct);
        }
    }
}
