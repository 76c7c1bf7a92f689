using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// One friend as the inviter sees them: a number in the order they joined, never a name or phone. Status is
/// "pending" (待下单), "ordered" (已完成首单) or "void" (不符合新人条件: they had ordered before accepting, so they earn
/// nothing); Rewarded says whether that first order earned the inviter a red packet.
/// </summary>
internal sealed record InvitedFriend(int Number, string Label, DateTimeOffset JoinedAt, string Status, bool Rewarded);

internal sealed record MyReferrals(
    string Code, string SharePath, IReadOnlyList<InvitedFriend> Friends, int RewardedFriends, long RewardsFen, int RewardCap,
    long InviterAmountFen, long InviterMinSpendFen, long InviteeAmountFen, long InviteeMinSpendFen);

/// <summary>GET /api/growth/referrals/me: my 邀请码 (made on the first ask), its share link, the friends I invited and what they earned me.</summary>
internal static class GetMyReferrals
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/referrals/me", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<MyReferrals>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, GrowthDb db, ReferralSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var code = await InviteCodes.EnsureAsync(db, customerId, clock.GetUtcNow(), ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.InviterId == customerId).ToListAsync(ct);
        var friends = referrals.OrderBy(r => r.AcceptedAt).ThenBy(r => r.Id)
            .Select((r, i) => new InvitedFriend(
                i + 1, $"好友 {i + 1}", r.AcceptedAt, StatusOf(r), r.InviterCouponId is not null))
            .ToList();
        return Results.Ok(new MyReferrals(
            code.Code, InviteCodes.SharePath(code.Code), friends, friends.Count(f => f.Rewarded), referrals.Sum(r => r.InviterRewardFen),
            settings.RewardCap, settings.InviterAmountFen, settings.InviterMinSpendFen, settings.InviteeAmountFen, settings.InviteeMinSpendFen));
    }

    private static string StatusOf(Referral r) => r.VoidedAt is not null ? "void" : r.FirstOrderDeliveredAt is null ? "pending" : "ordered";
}
