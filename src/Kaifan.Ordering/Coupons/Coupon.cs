using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Coupons;

/// <summary>A coupon (优惠券) owed to a customer; OrderId is the order it compensates, unique so it is issued once.</summary>
internal sealed class Coupon
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public Guid? OrderId { get; init; }
    public long AmountFen { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> coupon)
    {
        coupon.ToTable("ordering_coupons");
        coupon.HasKey(c => c.Id);
        coupon.Property(c => c.Id).ValueGeneratedNever();
        coupon.Property(c => c.Reason).HasMaxLength(100);
        coupon.HasIndex(c => c.OrderId).IsUnique();
        coupon.HasIndex(c => new { c.CustomerId, c.IssuedAt });
    }
}
