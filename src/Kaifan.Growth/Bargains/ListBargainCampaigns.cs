using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

internal sealed record BargainTierView(int CutPercent, long AmountFen, long MinSpendFen);

internal sealed record BargainCampaignStats(int BargainsStarted, int Helpers, int FloorsReached, int CouponsGranted)
{
    public static readonly BargainCampaignStats None = new(0, 0, 0, 0);
}

/// <summary>Status is scheduled, running or ended; Tiers end with the floor's reward (cutPercent 100).</summary>
internal sealed record BargainCampaignView(
    Guid Id, Guid MerchantId, string MerchantName, Guid DishId, string DishName, long OriginalPriceFen, long FloorPriceFen, int HelpersNeeded,
    int HoursToBargain, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays, IReadOnlyList<BargainTierView> Tiers, string Status,
    BargainCampaignStats Stats)
{
    public static BargainCampaignView Of(BargainCampaign c, BargainCampaignStats stats, DateTimeOffset now) => new(
        c.Id, c.MerchantId, c.MerchantName, c.DishId, c.DishName, c.OriginalPriceFen, c.FloorPriceFen, c.HelpersNeeded, c.HoursToBargain,
        c.StartsAt, c.EndsAt, c.CouponDays, c.AllRewards().Select(t => new BargainTierView(t.CutPercent, t.AmountFen, t.MinSpendFen)).ToList(),
        c.Status(now), stats);
}

/// <summary>GET /api/ops/growth/bargain-campaigns: every 砍价 campaign with how it is going, newest first.</summary>
internal static class ListBargainCampaigns
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/growth/bargain-campaigns", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<BargainCampaignView>>();

    private static async Task<IResult> HandleAsync(GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var campaigns = await db.BargainCampaigns.AsNoTracking().ToListAsync(ct);
        var bargains = await db.Bargains.AsNoTracking()
            .GroupBy(b => b.CampaignId)
            .Select(g => new { CampaignId = g.Key, Started = g.Count(), Helpers = g.Sum(b => b.Helpers), Floors = g.Count(b => b.Status == BargainStatus.FloorReached) })
            .ToDictionaryAsync(g => g.CampaignId, ct);
        var coupons = await db.BargainRewards.AsNoTracking()
            .Join(db.Bargains, r => r.BargainId, b => b.Id, (r, b) => b.CampaignId)
            .GroupBy(campaignId => campaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CampaignId, g => g.Count, ct);
        return Results.Ok(campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => BargainCampaignView.Of(c, bargains.TryGetValue(c.Id, out var b)
                ? new BargainCampaignStats(b.Started, b.Helpers, b.Floors, coupons.GetValueOrDefault(c.Id))
                : BargainCampaignStats.None, now))
            .ToList());
    }
}
