using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

internal sealed record BargainTierProgress(int CutPercent, long AmountFen, long MinSpendFen, bool Reached);

/// <summary>A helper as everyone sees them: two letters, never a name or phone.</summary>
internal sealed record BargainHelperView(string Label, long AmountFen, DateTimeOffset CutAt);

internal sealed record BargainRewardView(Guid CouponId, int CutPercent, long AmountFen, long MinSpendFen, DateTimeOffset GrantedAt);

/// <summary>
/// A bargain as its starter and their friends see it. Status is running, floorReached or ended. Mine is true for the
/// starter, who alone sees Rewards; CanHelp is true for a friend who may still cut; MyCutFen is what this viewer cut.
/// </summary>
internal sealed record BargainView(
    Guid Id, Guid CampaignId, Guid MerchantId, string MerchantName, string DishName, long OriginalPriceFen, long FloorPriceFen, long CurrentPriceFen,
    long CutFen, int HelpersNeeded, int Helpers, string Status, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Mine, bool CanHelp, long? MyCutFen,
    IReadOnlyList<BargainTierProgress> Tiers, IReadOnlyList<BargainHelperView> Cuts, IReadOnlyList<BargainRewardView>? Rewards)
{
    public static BargainView Of(
        BargainCampaign campaign, Bargain bargain, IReadOnlyList<BargainCut> cuts, IReadOnlyList<BargainReward> rewards, Guid viewerId, DateTimeOffset now)
    {
        var mine = bargain.CustomerId == viewerId;
        var myCut = cuts.FirstOrDefault(c => c.HelperId == viewerId);
        return new BargainView(
            bargain.Id, campaign.Id, campaign.MerchantId, campaign.MerchantName, campaign.DishName, bargain.OriginalPriceFen, bargain.FloorPriceFen,
            bargain.CurrentPriceFen, bargain.CutFen, bargain.HelpersNeeded, bargain.Helpers, bargain.StatusAt(now), bargain.StartedAt, bargain.EndsAt, mine,
            !mine && myCut is null && bargain.IsActive(now), myCut?.AmountFen,
            campaign.AllRewards().Select(t => new BargainTierProgress(t.CutPercent, t.AmountFen, t.MinSpendFen, t.ReachedAt(bargain.CutFen, bargain.CutTotalFen))).ToList(),
            cuts.OrderBy(c => c.Sequence).Select(c => new BargainHelperView(CutSequence.HelperLabel(bargain.Id, c.HelperId), c.AmountFen, c.CutAt)).ToList(),
            mine ? rewards.OrderBy(r => r.CutPercent).Select(r => new BargainRewardView(r.Id, r.CutPercent, r.AmountFen, r.MinSpendFen, r.GrantedAt)).ToList() : null);
    }
}

/// <summary>GET /api/growth/bargains/{id}: any signed-in customer may look, so the share link works for friends; 404 names "bargainId".</summary>
internal static class GetBargain
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/bargains/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<BargainView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
        await LoadAsync(db, id, user.UserId(), clock.GetUtcNow(), ct) is { } view
            ? Results.Ok(view)
            : BargainFields.NotFound("砍价不存在 (no such bargain)", BargainFields.Bargain);

    public static async Task<BargainView?> LoadAsync(GrowthDb db, Guid id, Guid viewerId, DateTimeOffset now, CancellationToken ct)
    {
        var bargain = await db.Bargains.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (bargain is null)
        {
            return null;
        }

        var campaign = await db.BargainCampaigns.AsNoTracking().SingleAsync(c => c.Id == bargain.CampaignId, ct);
        var cuts = await db.BargainCuts.AsNoTracking().Where(c => c.BargainId == id).ToListAsync(ct);
        var rewards = await db.BargainRewards.AsNoTracking().Where(r => r.BargainId == id).ToListAsync(ct);
        return BargainView.Of(campaign, bargain, cuts, rewards, viewerId, now);
    }
}
