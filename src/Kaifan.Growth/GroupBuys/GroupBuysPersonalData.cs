using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

internal sealed record GroupSeatExport(Guid GroupId, Guid OrderId, bool Leader, DateTimeOffset JoinedAt, DateTimeOffset? PaidAt, string GroupStatus);

/// <summary>The 拼团 seats the person took: which group, as 团长 or 团员, with which order, and how the group ended.</summary>
internal sealed class GroupBuysDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "groupBuys";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var seats = await (
                from member in db.GroupMembers.AsNoTracking()
                join grp in db.Groups.AsNoTracking() on member.GroupId equals grp.Id
                where member.CustomerId == userId
                select new { member, grp.Status })
            .ToListAsync(ct);
        return seats.Count == 0
            ? null
            : seats.OrderBy(s => s.member.JoinedAt)
                .Select(s => new GroupSeatExport(s.member.GroupId, s.member.OrderId, s.member.IsLeader, s.member.JoinedAt, s.member.PaidAt, s.Status.ToString()))
                .ToList();
    }
}

/// <summary>
/// A seat stays, so the group still counts its members, under an id of its own that belongs to nobody. Ordering's
/// erasure refuses while an order is under way, so no open group loses a member that is still waiting.
/// </summary>
internal sealed class GroupBuysErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<string?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var seats = await db.GroupMembers.Where(m => m.CustomerId == userId).Select(m => m.OrderId).ToListAsync(ct);
        foreach (var orderId in seats)
        {
            await db.GroupMembers.Where(m => m.OrderId == orderId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, Guid.NewGuid()), ct);
        }
    }
}
