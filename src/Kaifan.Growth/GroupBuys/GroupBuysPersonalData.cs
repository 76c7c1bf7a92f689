using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>Membership is joined (the seat is held: GroupStatus says how the group went), left (退出拼团) or orderCancelled.</summary>
internal sealed record GroupSeatExport(
    Guid GroupId, Guid OrderId, bool Leader, DateTimeOffset JoinedAt, DateTimeOffset? PaidAt, string Membership, DateTimeOffset? LeftAt, string GroupStatus);

/// <summary>
/// Every 拼团 seat the person took, in the order they took them: which group, as 团长 or 团员, with which order, whether
/// they are still in it or gave the seat up (and when), and how the group went. A customer who left and joined again
/// has both seats here.
/// </summary>
internal sealed class GroupBuysDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "groupBuys";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var held = await (
                from member in db.GroupMembers.AsNoTracking()
                join grp in db.Groups.AsNoTracking() on member.GroupId equals grp.Id
                where member.CustomerId == userId
                select new { member, grp.Status })
            .ToListAsync(ct);
        var givenUp = await (
                from departure in db.GroupDepartures.AsNoTracking()
                join grp in db.Groups.AsNoTracking() on departure.GroupId equals grp.Id
                where departure.CustomerId == userId
                select new { departure, grp.Status })
            .ToListAsync(ct);
        var seats = held
            .Select(h => new GroupSeatExport(h.member.GroupId, h.member.OrderId, h.member.IsLeader, h.member.JoinedAt, h.member.PaidAt, "joined", null, Name(h.Status)))
            .Concat(givenUp.Select(g => new GroupSeatExport(
                g.departure.GroupId, g.departure.OrderId, g.departure.WasLeader, g.departure.JoinedAt, g.departure.PaidAt, Name(g.departure.Kind),
                g.departure.LeftAt, Name(g.Status))))
            .OrderBy(s => s.JoinedAt)
            .ThenBy(s => s.LeftAt is null)
            .ToList();
        return seats.Count == 0 ? null : seats;
    }

    private static string Name(DepartureKind kind) => kind == DepartureKind.Left ? "left" : "orderCancelled";

    private static string Name(GroupStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// A seat held stays, so the group still counts its members, under an id of its own that belongs to nobody. Ordering's
/// erasure refuses while an order is under way, so no open group loses a member that is still waiting.
/// </summary>
internal sealed class GroupBuysErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var seats = await db.GroupMembers.Where(m => m.CustomerId == userId).Select(m => m.OrderId).ToListAsync(ct);
        foreach (var orderId in seats)
        {
            await db.GroupMembers.Where(m => m.OrderId == orderId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, Guid.NewGuid()), ct);
        }

        // A seat given up counts for nothing any more: only its former holder's history, which goes with them.
        await db.GroupDepartures.Where(d => d.CustomerId == userId).ExecuteDeleteAsync(ct);
    }
}
