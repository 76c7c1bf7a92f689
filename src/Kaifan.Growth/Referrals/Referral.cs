using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// A customer's personal 邀请码, made the first time they ask for it. Rewarded only rises through a conditional update
/// below the cap, so friends' first orders delivered at the same moment never reward past it.
/// </summary>
internal sealed class InviteCode
{
    public Guid CustomerId { get; init; }
    public required string Code { get; init; }
    public int Rewarded { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// 邀请有礼: the invitee bound to an inviter, once in their life (InviteeId is unique). The invitee's 新人红包 shares
/// the row's id; the inviter's reward is granted when the invitee's first order is delivered, and FirstOrderId is
/// set only while it is still empty, so a redelivery or a second order never rewards again.
/// </summary>
internal sealed class Referral
{
    /// <summary>Also the id of the invitee's 新人红包.</summary>
    public Guid Id { get; init; }
    public Guid InviterId { get; init; }
    public Guid InviteeId { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    public long InviteeCouponFen { get; init; }
    public Guid? FirstOrderId { get; init; }
    public DateTimeOffset? FirstOrderDeliveredAt { get; init; }

    /// <summary>
    /// The two customers, the lower id (as text, the order both databases sort uuids in) first. Unique: friends cannot
    /// invite each other, not even when both accept at the same moment.
    /// </summary>
    public Guid PairLow { get; init; }
    public Guid PairHigh { get; init; }

    public static (Guid Low, Guid High) PairOf(Guid one, Guid other) =>
        string.CompareOrdinal(one.ToString(), other.ToString()) <= 0 ? (one, other) : (other, one);

    /// <summary>
    /// Set when the invitee turns out to have had an order placed and paid before accepting (不符合新人条件), found from facts
    /// settled by then, whatever order the acceptance and that payment committed in; such a referral never rewards.
    /// </summary>
    public DateTimeOffset? VoidedAt { get; init; }

    /// <summary>Null while the first order is awaited, or when the inviter had already reached the cap.</summary>
    public Guid? InviterCouponId { get; init; }
    public long InviterRewardFen { get; init; }
}

internal sealed class InviteCodeConfiguration : IEntityTypeConfiguration<InviteCode>
{
    public void Configure(EntityTypeBuilder<InviteCode> code)
    {
        code.ToTable("growth_invite_codes");
        code.HasKey(c => c.CustomerId);
        code.Property(c => c.CustomerId).ValueGeneratedNever();
        code.Property(c => c.Code).HasMaxLength(InviteCodes.Length);
        code.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("growth_referrals");
        referral.HasKey(r => r.Id);
        referral.Property(r => r.Id).ValueGeneratedNever();
        referral.HasIndex(r => r.InviteeId).IsUnique();
        referral.HasIndex(r => r.InviterId);
        referral.HasIndex(r => new { r.PairLow, r.PairHigh }).IsUnique();
    }
}
