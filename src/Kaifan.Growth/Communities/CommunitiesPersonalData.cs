using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

internal sealed record CommunityMembershipExport(string Community, DateTimeOffset JoinedAt);

internal sealed record CommunityCouponClaimExport(string Community, long AmountFen, DateTimeOffset ClaimedAt);

internal sealed record CommunitiesExport(IReadOnlyList<CommunityMembershipExport> Memberships, IReadOnlyList<CommunityCouponClaimExport> CouponClaims);

/// <summary>The 社群 the person belongs to and the 社群券 they claimed.</summary>
internal sealed class CommunitiesDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "communities";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var memberships = await (
                from member in db.CommunityMembers.AsNoTracking()
                join community in db.Communities.AsNoTracking() on member.CommunityId equals community.Id
                where member.CustomerId == userId
                select new CommunityMembershipExport(community.Name, member.JoinedAt))
            .ToListAsync(ct);
        var claims = await (
                from claim in db.CommunityCouponClaims.AsNoTracking()
                join pack in db.CommunityCouponPacks.AsNoTracking() on claim.PackId equals pack.Id
                join community in db.Communities.AsNoTracking() on pack.CommunityId equals community.Id
                where claim.CustomerId == userId
                select new CommunityCouponClaimExport(community.Name, pack.AmountFen, claim.ClaimedAt))
            .ToListAsync(ct);
        return memberships.Count == 0 && claims.Count == 0
            ? null
            : new CommunitiesExport(memberships.OrderBy(m => m.JoinedAt).ToList(), claims.OrderBy(c => c.ClaimedAt).ToList());
    }
}

/// <summary>
/// Memberships go (each community counts one member fewer); a coupon claim stays counted in its pack's budget under an
/// id of nobody, one fresh id per claim, so the books add up and the claims cannot be told to be one person's.
/// </summary>
internal sealed class CommunitiesErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var communities = await db.CommunityMembers.Where(m => m.CustomerId == userId).Select(m => m.CommunityId).ToListAsync(ct);
        foreach (var communityId in communities)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var left = await db.CommunityMembers.Where(m => m.CommunityId == communityId && m.CustomerId == userId).ExecuteDeleteAsync(ct);
            await db.Communities.Where(c => c.Id == communityId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberCount, c => c.MemberCount - left), ct);
            await transaction.CommitAsync(ct);
        }

        var claims = await db.CommunityCouponClaims.Where(c => c.CustomerId == userId).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in claims)
        {
            await db.CommunityCouponClaims.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, Guid.NewGuid()), ct);
        }
    }
}
