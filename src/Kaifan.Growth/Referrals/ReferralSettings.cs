namespace Kaifan.Growth.Referrals;

/// <summary>Kaifan:Growth:Referral:*. The friend's 新人红包 comes at once; the inviter's red packet when the friend's first order is delivered.</summary>
public sealed class ReferralSettings
{
    public const string Section = "Kaifan:Growth:Referral";

    public long InviteeAmountFen { get; set; } = 500;
    public long InviteeMinSpendFen { get; set; }
    public int InviteeCouponDays { get; set; } = 7;
    public long InviterAmountFen { get; set; } = 800;
    public long InviterMinSpendFen { get; set; } = 2000;
    public int InviterCouponDays { get; set; } = 14;

    /// <summary>The most friends an inviter is rewarded for; friends past it still get their 新人红包.</summary>
    public int RewardCap { get; set; } = 20;
}
