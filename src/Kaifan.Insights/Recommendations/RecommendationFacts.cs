using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Recommendations;

/// <summary>
/// A shop shown to a customer on the 猜你喜欢 shelf. Its click and the order it led to (the latest showing of that shop
/// within a day before the order) are what the exploration learns from. CustomerId is cleared on erasure; the shop's
/// counts stay.
/// </summary>
internal sealed class ShopImpression
{
    public Guid Id { get; init; }
    public Guid? CustomerId { get; set; }
    public Guid MerchantId { get; init; }
    public DateTimeOffset ShownAt { get; init; }
    public DateTimeOffset? ClickedAt { get; set; }
    public Guid? ConvertedOrderId { get; set; }
}

/// <summary>An order as recommendations see it: whose, at which shop, when (affinity and station-wide popularity).</summary>
internal sealed class ShopOrder
{
    public Guid OrderId { get; init; }
    public Guid? CustomerId { get; set; }
    public Guid MerchantId { get; init; }
    public DateTimeOffset PlacedAt { get; init; }
}

internal sealed class ShopImpressionConfiguration : IEntityTypeConfiguration<ShopImpression>
{
    public void Configure(EntityTypeBuilder<ShopImpression> b)
    {
        b.ToTable("insights_shop_impressions");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasIndex(i => new { i.CustomerId, i.MerchantId, i.ShownAt });
        b.HasIndex(i => new { i.MerchantId, i.ShownAt });
    }
}

internal sealed class ShopOrderConfiguration : IEntityTypeConfiguration<ShopOrder>
{
    public void Configure(EntityTypeBuilder<ShopOrder> b)
    {
        b.ToTable("insights_shop_orders");
        b.HasKey(o => o.OrderId);
        b.Property(o => o.OrderId).ValueGeneratedNever();
        b.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        b.HasIndex(o => o.PlacedAt);
    }
}
