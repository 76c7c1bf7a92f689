using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// A coupon (优惠券) owed to a customer; OrderId is the order it compensates, unique so it is issued once.
/// Spending it is one row update guarded by Version, committed with the order that spends it, so two orders
/// racing for one coupon cannot both win; a cancelled order gives it back in the cancellation's own commit.
/// A withdrawal that reaches Ordering before its grant is kept as the coupon's row itself (GrantPending), so the grant
/// and the withdrawal claim the same key and whichever commits second finds the other's.
/// </summary>
internal sealed class Coupon
{
    public const int ReasonLength = 100;

    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public Guid? OrderId { get; init; }
    public long AmountFen { get; init; }

    /// <summary>满X元可用: the items total (dishes and their options) an order needs; 0 = 无门槛.</summary>
    public long MinSpendFen { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; private set; }
    public Guid? UsedByOrderId { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// When the promotion that granted it took it back, so checkout can say it is no longer valid rather than expired
    /// or used. Kept on a coupon already spent too (it stays spent), so the coupon does not come back usable when that
    /// order is cancelled. Null for every other coupon.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The row holds a withdrawal whose grant has not arrived yet: no coupon to show, only one to refuse.</summary>
    public bool GrantPending { get; private init; }

    public string Status(DateTimeOffset now) =>
        Used ? CouponStatus.Used
        : WithdrawnAt is not null ? CouponStatus.Withdrawn
        : ExpiresAt <= now ? CouponStatus.Expired
        : CouponStatus.Unused;

    /// <summary>Ended from the start; the grant, when it comes, fills in what the coupon was.</summary>
    public static Coupon AwaitingGrant(Guid id, Guid customerId, string reason, DateTimeOffset withdrawnAt) => new()
    {
        Id = id, CustomerId = customerId, Reason = reason.Length > ReasonLength ? reason[..ReasonLength] : reason, IssuedAt = withdrawnAt, ExpiresAt = withdrawnAt,
        WithdrawnAt = withdrawnAt, GrantPending = true,
    };

    /// <summary>What the coupon takes off an order with this items total: never more than the dishes cost.</summary>
    public long DiscountOn(long itemsTotalFen) => Math.Min(AmountFen, itemsTotalFen);

    public void Spend(Guid orderId, DateTimeOffset at)
    {
        Used = true;
        UsedByOrderId = orderId;
        UsedAt = at;
        Version++;
    }

    public void GiveBack()
    {
        Used = false;
        UsedByOrderId = null;
        UsedAt = null;
        Version++;
    }
}

internal static class CouponStatus
{
    public const string Unused = "unused";
    public const string Used = "used";
    public const string Expired = "expired";

    /// <summary>Taken back by its promotion (该红包已失效).</summary>
    public const string Withdrawn = "withdrawn";
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> coupon)
    {
        coupon.ToTable("ordering_coupons");
        coupon.HasKey(c => c.Id);
        coupon.Property(c => c.Id).ValueGeneratedNever();
        coupon.Property(c => c.Reason).HasMaxLength(Coupon.ReasonLength);
        coupon.Property(c => c.Version).IsConcurrencyToken();
        coupon.HasIndex(c => c.OrderId).IsUnique();
        coupon.HasIndex(c => c.UsedByOrderId);
        coupon.HasIndex(c => new { c.CustomerId, c.IssuedAt });
    }
}
