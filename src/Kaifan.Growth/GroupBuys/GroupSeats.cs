using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// Seats of 拼团 groups for Ordering's placement. A seat is only ever taken by a conditional update (open, not full,
/// not expired), so of six customers racing for a last seat exactly one gets it; a customer holds one seat per group.
/// </summary>
internal sealed class GroupSeats(IDbContextOutbox<GrowthDb> outbox, TimeProvider clock) : IGroupBuys
{
    private GrowthDb Db => outbox.DbContext;

    public async Task<GroupDealQuote?> FindDealAsync(Guid? dealId, Guid? groupId, CancellationToken ct)
    {
        if (groupId is { } id)
        {
            dealId = await Db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => (Guid?)g.DealId).SingleOrDefaultAsync(ct);
        }

        var deal = dealId is null ? null : await Db.GroupDeals.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dealId, ct);
        return deal is null ? null : new GroupDealQuote(deal.Id, deal.MerchantId, deal.ItemId, deal.GroupPriceFen, deal.GroupSize, deal.IsOpenableAt(clock.GetUtcNow()));
    }

    public async Task<GroupSeatResult> TakeSeatAsync(GroupSeatRequest request, CancellationToken ct)
    {
        // A retried placement finds the seat its first attempt took.
        if (await Db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.OrderId == request.OrderId, ct) is { } held)
        {
            return GroupSeatResult.In(held.GroupId);
        }

        return request.GroupId is { } groupId ? await JoinAsync(request, groupId, ct) : await OpenAsync(request, ct);
    }

    public async Task ReleaseSeatAsync(Guid orderId, CancellationToken ct)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        await ReleaseSeatWhenOrderCancelled.ReleaseAsync(Db, orderId, clock.GetUtcNow(), keepInHistory: false, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<GroupSeatResult> OpenAsync(GroupSeatRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deal = await Db.GroupDeals.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DealId, ct);
        if (deal is null)
        {
            return GroupSeatResult.Refused(StatusCodes.Status404NotFound, "拼团活动不存在 (no such group deal)", GroupBuyRules.DealField);
        }

        if (!deal.IsOpenableAt(now))
        {
            return GroupSeatResult.Refused(StatusCodes.Status422UnprocessableEntity, "拼团活动未开始或已结束 (the deal is not running)", GroupBuyRules.DealField);
        }

        var window = TimeSpan.FromMinutes(deal.WindowMinutes);
        var group = new GroupBuy
        {
            Id = Guid.CreateVersion7(now), DealId = deal.Id, MerchantId = deal.MerchantId, Size = deal.GroupSize, Taken = 1,
            OpenedAt = now, ExpiresAt = now + window,
        };
        Db.Groups.Add(group);
        Db.GroupMembers.Add(new GroupMember { OrderId = request.OrderId, GroupId = group.Id, CustomerId = request.CustomerId, IsLeader = true, JoinedAt = now });

        // A delay rather than an instant: the scheduler keeps its own clock, which may differ from ours.
        await outbox.ScheduleAsync(new GroupWindowEnded(group.Id), window);
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        Db.ChangeTracker.Clear();
        return GroupSeatResult.In(group.Id);
    }

    private async Task<GroupSeatResult> JoinAsync(GroupSeatRequest request, Guid groupId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await Db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.CustomerId == request.CustomerId, ct))
        {
            return AlreadyIn();
        }

        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var taken = await Db.Groups
            .Where(g => g.Id == groupId && g.DealId == request.DealId && g.Status == GroupStatus.Open && g.Taken < g.Size && g.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken + 1).SetProperty(g => g.Version, g => g.Version + 1), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            return GroupSeatResult.Refused(StatusCodes.Status409Conflict, "该团已满员或已结束，去开个新团吧 (the group is full or closed)", GroupBuyRules.GroupField);
        }

        Db.GroupMembers.Add(new GroupMember { OrderId = request.OrderId, GroupId = groupId, CustomerId = request.CustomerId, JoinedAt = now });
        try
        {
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return GroupSeatResult.In(groupId);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same customer's parallel join won; this seat goes back with the rollback.
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyIn();
        }
        finally
        {
            Db.ChangeTracker.Clear();
        }
    }

    private static GroupSeatResult AlreadyIn() =>
        GroupSeatResult.Refused(StatusCodes.Status409Conflict, "你已在这个团里了 (you are already in this group)", GroupBuyRules.GroupField);
}
