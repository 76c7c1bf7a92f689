using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>An inviter in the ranking, known only by a masked id.</summary>
internal sealed record TopInviter(string Inviter, int Accepted, int FirstOrders, long RewardsFen);

/// <summary>Conversion is first orders delivered over invitations accepted (0 to 1). Rewards are the inviters' red packets; welcome coupons the friends' 新人红包.</summary>
internal sealed record ReferralTotals(
    int Accepted, int FirstOrders, double Conversion, int Rewards, long RewardsFen, long WelcomeCouponsFen, int RewardCap, IReadOnlyList<TopInviter> TopInviters);

/// <summary>GET /api/ops/growth/referrals: 邀请有礼 at a glance for the 营销活动 page.</summary>
internal static class ReferralSummary
{
    public const int TopCount = 10;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/growth/referrals", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<ReferralTotals>();

    private static async Task<IResult> HandleAsync(GrowthDb db, ReferralSettings settings, CancellationToken ct)
    {
        // Grouped in memory: a campus has thousands of referrals, not millions, and SQLite and PostgreSQL then agree.
        var rows = await db.Referrals.AsNoTracking()
            .Select(r => new { r.InviterId, Ordered = r.FirstOrderDeliveredAt != null, Rewarded = r.InviterCouponId != null, r.InviterRewardFen, r.InviteeCouponFen })
            .ToListAsync(ct);
        var firstOrders = rows.Count(r => r.Ordered);
        var top = rows.GroupBy(r => r.InviterId)
            .Select(g => new TopInviter(Mask(g.Key), g.Count(), g.Count(r => r.Ordered), g.Sum(r => r.InviterRewardFen)))
            .OrderByDescending(t => t.FirstOrders).ThenByDescending(t => t.Accepted).ThenBy(t => t.Inviter)
            .Take(TopCount)
            .ToList();
        return Results.Ok(new ReferralTotals(
            rows.Count, firstOrders, rows.Count == 0 ? 0 : Math.Round((double)firstOrders / rows.Count, 4), rows.Count(r => r.Rewarded),
            rows.Sum(r => r.InviterRewardFen), rows.Sum(r => r.InviteeCouponFen), settings.RewardCap, top));
    }

    /// <summary>Enough to tell inviters apart on the page, not to find the person: the id's first and last four hex digits.</summary>
    public static string Mask(Guid id)
    {
        var hex = id.ToString("N");
        return $"{hex[..4]}****{hex[^4..]}";
    }
}
