using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Catalog.Model;

/// <summary>Stock an order holds; ReleasedAt is set exactly once, by the release that gives the stock back.</summary>
internal sealed class StockReservation
{
    public Guid OrderId { get; set; }

    public Guid ItemId { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset ReservedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> b)
    {
        b.ToTable("catalog_stock_reservations");
        b.HasKey(r => new { r.OrderId, r.ItemId });
    }
}
