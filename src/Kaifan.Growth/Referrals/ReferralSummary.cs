using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>An inviter in the ranking, known only by a masked id.</summary>
internal sealed record TopInviter(string Inviter, int Accepted, int FirstOrders, long RewardsFen);

/// <summary>
/// Voided are acceptances found not new (不符合新人条件): they never count as first orders, and conversion is first
/// orders delivered over the invitations accepted that were not void (0 to 1). Rewards are the inviters' red packets.
/// WelcomeCouponsFen is the friends' 新人红包 that stand (a voided friend's too when spent before the withdrawal came);
/// the ones taken back are WelcomeWithdrawn, worth WelcomeWithdrawnFen.
/// </summary>
internal sealed record ReferralTotals(
    int Accepted, int Voided, int FirstOrders, double Conversion, int Rewards, long RewardsFen, long WelcomeCouponsFen,
    int WelcomeWithdrawn, long WelcomeWithdrawnFen, int RewardCap, IReadOnlyList<TopInviter> TopInviters);

/// <summary>GET /api/ops/growth/referrals: 邀请有礼 at a glance for the 营销活动 page.</summary>
internal static class ReferralSummary
{
    public const int TopCount = 10;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/growth/referrals", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<ReferralTotals>();

    private static async Task<IResult> HandleAsync(GrowthDb db, ReferralSettings settings, IPromotionCoupons coupons, CancellationToken ct)
    {
        // Grouped in memory: a campus has thousands of referrals, not millions, and SQLite and PostgreSQL then agree.
        var rows = await db.Referrals.AsNoTracking()
            .Select(r => new
            {
                r.Id, r.InviterId, Voided = r.VoidedAt != null, Ordered = r.FirstOrderDeliveredAt != null && r.VoidedAt == null,
                Rewarded = r.InviterCouponId != null, r.InviterRewardFen, r.InviteeCouponFen,
            })
            .ToListAsync(ct);
        var firstOrders = rows.Count(r => r.Ordered);
        var voided = rows.Count(r => r.Voided);
        var genuine = rows.Count - voided;

        // Only a voided referral's 新人红包 is ever withdrawn, and the welcome coupon shares the referral's id.
        var withdrawn = await coupons.WithdrawnAmongAsync(rows.Where(r => r.Voided).Select(r => r.Id).ToList(), ct);
        var withdrawnFen = rows.Where(r => withdrawn.Contains(r.Id)).Sum(r => r.InviteeCouponFen);
        var top = rows.GroupBy(r => r.InviterId)
            .Select(g => new TopInviter(Mask(g.Key), g.Count(), g.Count(r => r.Ordered), g.Sum(r => r.InviterRewardFen)))
            .OrderByDescending(t => t.FirstOrders).ThenByDescending(t => t.Accepted).ThenBy(t => t.Inviter)
            .Take(TopCount)
            .ToList();
        return Results.Ok(new ReferralTotals(
            rows.Count, voided, firstOrders, genuine == 0 ? 0 : Math.Round((double)firstOrders / genuine, 4), rows.Count(r => r.Rewarded),
            rows.Sum(r => r.InviterRewardFen), rows.Sum(r => r.InviteeCouponFen) - withdrawnFen, withdrawn.Count, withdrawnFen,
            settings.RewardCap, top));
    }

    /// <summary>Enough to tell inviters apart on the page, not to find the person: the id's first and last four hex digits.</summary>
    public static string Mask(Guid id)
    {
        var hex = id.ToString("N");
        return $"{hex[..4]}****{hex[^4..]}";
    }
}
