namespace Kaifan.Web.Api;

/// <summary>Status is "pending" (待下单), "ordered" (已完成首单) or "void" (不符合新人条件).</summary>
public sealed record InvitedFriendInfo(int Number, string Label, DateTimeOffset JoinedAt, string Status, bool Rewarded);

public sealed record MyReferralsInfo(
    string Code, string SharePath, List<InvitedFriendInfo> Friends, int RewardedFriends, long RewardsFen, int RewardCap,
    long InviterAmountFen, long InviterMinSpendFen, long InviteeAmountFen, long InviteeMinSpendFen);

public sealed record InvitationOfferInfo(string Code, long AmountFen, long MinSpendFen, int CouponDays, bool Own);

public sealed record InvitationAcceptedInfo(Guid CouponId, long AmountFen, long MinSpendFen, DateTimeOffset ExpiresAt);

public sealed record TopInviterInfo(string Inviter, int Accepted, int FirstOrders, long RewardsFen);

public sealed record ReferralTotalsInfo(
    int Accepted, int Voided, int FirstOrders, double Conversion, int Rewards, long RewardsFen, long WelcomeCouponsFen,
    int WelcomeWithdrawn, long WelcomeWithdrawnFen, int RewardCap, List<TopInviterInfo> TopInviters);

public sealed partial class KaifanApi
{
    // Growth: 邀请有礼
    public Task<ApiResult<MyReferralsInfo>> MyReferralsAsync(CancellationToken ct = default) =>
        SendAsync<MyReferralsInfo>(HttpMethod.Get, "api/growth/referrals/me", ct: ct);

    public Task<ApiResult<InvitationOfferInfo>> InvitationAsync(string code, CancellationToken ct = default) =>
        SendAsync<InvitationOfferInfo>(HttpMethod.Get, $"api/growth/referrals/invitations/{Uri.EscapeDataString(code)}", ct: ct);

    public Task<ApiResult<InvitationAcceptedInfo>> AcceptInvitationAsync(string code, CancellationToken ct = default) =>
        SendAsync<InvitationAcceptedInfo>(HttpMethod.Post, "api/growth/referrals/accept", new { code }, ct: ct);

    public Task<ApiResult<ReferralTotalsInfo>> ReferralTotalsAsync(CancellationToken ct = default) =>
        SendAsync<ReferralTotalsInfo>(HttpMethod.Get, "api/ops/growth/referrals", ct: ct);
}
