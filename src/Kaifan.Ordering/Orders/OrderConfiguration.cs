using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("ordering_orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Number).HasMaxLength(16);
        order.HasIndex(o => o.Number).IsUnique();
        order.Property(o => o.MerchantName).HasMaxLength(100);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        order.Property(o => o.CancelledBy).HasConversion<string>().HasMaxLength(16);
        order.Property(o => o.CancelReason).HasMaxLength(200);
        order.Property(o => o.Note).HasMaxLength(200);
        order.Property(o => o.DeliveryMethod).HasConversion<string>().HasMaxLength(16);
        order.Property(o => o.Locker).HasMaxLength(50);
        order.Property(o => o.PickupCode).HasMaxLength(6);
        order.Property(o => o.ServiceTier).HasConversion<string>().HasMaxLength(16);
        order.Property(o => o.LockerName).HasMaxLength(50);
        order.HasIndex(o => o.RiderId);
        order.Property(o => o.ContactNameProtected).HasMaxLength(400);
        order.Property(o => o.PhoneProtected).HasMaxLength(400);
        order.Property(o => o.AddressDetailProtected).HasMaxLength(1000);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Property(o => o.ExceptionKind).HasMaxLength(32);
        order.Property(o => o.ExceptionNote).HasMaxLength(100);
        order.Property(o => o.ExceptionResolution).HasMaxLength(32);
        order.HasIndex(o => new { o.ExceptionOpen, o.ZoneId });
        order.HasIndex(o => o.ExceptionRiderId);
        order.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        order.HasIndex(o => new { o.MerchantId, o.PlacedAt });
        order.HasIndex(o => o.PlacedAt);

        // An order's lines are never queried alone, so they travel with it as one JSON document.
        order.OwnsMany(o => o.Lines, line =>
        {
            line.ToJson("Lines");
            line.OwnsMany(l => l.Options);
        });
        order.OwnsMany(o => o.ShopDiscounts, d => d.ToJson("ShopDiscounts"));
    }
}
