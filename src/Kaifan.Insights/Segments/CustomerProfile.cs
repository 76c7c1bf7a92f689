using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Segments;

/// <summary>
/// One order as customer segmentation needs it, filled from OrderPlaced (customer, amount to pay, time) and
/// OrderDelivered (it was completed); the events come in any order and more than once, first value wins. Only
/// delivered orders count towards a profile: a cancelled one earned nothing.
/// </summary>
internal sealed class CustomerOrder
{
    public Guid OrderId { get; init; }
    public Guid? CustomerId { get; set; }
    public long? PaidFen { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public bool Counts => CustomerId is not null && PaidFen is not null && PlacedAt is not null && DeliveredAt is not null;
}

/// <summary>
/// A customer's lifetime purchases (delivered orders; order time is when it was placed) and the RFM segment they were
/// last put in. SegmentSince is when they entered it: "on entering the segment" campaigns grant once per entry.
/// </summary>
internal sealed class CustomerProfile
{
    public Guid CustomerId { get; init; }
    public DateTimeOffset? FirstOrderAt { get; set; }
    public DateTimeOffset? LastOrderAt { get; set; }
    public int DeliveredOrders { get; set; }
    public long SpentFen { get; set; }
    public string? Segment { get; set; }
    public DateTimeOffset? SegmentSince { get; set; }
}

internal sealed class CustomerOrderConfiguration : IEntityTypeConfiguration<CustomerOrder>
{
    public void Configure(EntityTypeBuilder<CustomerOrder> order)
    {
        order.ToTable("insights_customer_orders");
        order.HasKey(o => o.OrderId);
        order.Property(o => o.OrderId).ValueGeneratedNever();
        order.Ignore(o => o.Counts);
        order.HasIndex(o => new { o.CustomerId, o.PlacedAt });
    }
}

internal sealed class CustomerProfileConfiguration : IEntityTypeConfiguration<CustomerProfile>
{
    public void Configure(EntityTypeBuilder<CustomerProfile> profile)
    {
        profile.ToTable("insights_customer_profiles");
        profile.HasKey(p => p.CustomerId);
        profile.Property(p => p.CustomerId).ValueGeneratedNever();
        profile.Property(p => p.Segment).HasMaxLength(32);
        // The row lock inserts the key alone; the counts start at zero.
        profile.Property(p => p.DeliveredOrders).HasDefaultValue(0);
        profile.Property(p => p.SpentFen).HasDefaultValue(0L);
        profile.HasIndex(p => new { p.Segment, p.SegmentSince });
    }
}
