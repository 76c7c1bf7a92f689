using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Segments;

internal sealed record ProfileExport(
    DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt, int DeliveredOrders, long SpentFen, string? Segment, DateTimeOffset? SegmentSince,
    List<CampaignGrantExport> CampaignCoupons);

internal sealed record CampaignGrantExport(Guid CouponId, string Campaign, DateTimeOffset GrantedAt);

/// <summary>The customer's purchase profile, their segment and the campaign coupons it earned them.</summary>
internal sealed class ProfilesDataExport(InsightsDb db) : IPersonalDataExport
{
    public string Section => "customerProfile";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var profile = await db.CustomerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.CustomerId == userId, ct);
        var grants = await db.CampaignGrants.AsNoTracking().Where(g => g.CustomerId == userId)
            .Join(db.Campaigns, g => g.CampaignId, c => c.Id, (g, c) => new { g.Id, c.Name, g.GrantedAt })
            .ToListAsync(ct);
        if (profile is null && grants.Count == 0)
        {
            return null;
        }

        return new ProfileExport(profile?.FirstOrderAt, profile?.LastOrderAt, profile?.DeliveredOrders ?? 0, profile?.SpentFen ?? 0,
            profile?.Segment, profile?.SegmentSince,
            grants.OrderBy(g => g.GrantedAt).Select(g => new CampaignGrantExport(g.Id, g.Name, g.GrantedAt)).ToList());
    }
}

/// <summary>
/// Profiles serve marketing only, so all of it goes: the profile, the order rows (and their refunds) it was counted from and the campaign
/// grants (the coupons themselves are Ordering's, the runs' counts name no one).
/// </summary>
internal sealed class ProfilesErasure(InsightsDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.CustomerProfiles.Where(p => p.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.CustomerOrderRefunds.Where(r => db.CustomerOrders.Any(o => o.OrderId == r.OrderId && o.CustomerId == userId)).ExecuteDeleteAsync(ct);
        await db.CustomerOrders.Where(o => o.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.CampaignGrants.Where(g => g.CustomerId == userId).ExecuteDeleteAsync(ct);
    }
}
