using Kaifan.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Catalog.Model;

/// <summary>A delivery area with its fee rule: a base fee covers the first kilometres, then a price per km.</summary>
internal sealed class Zone
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public double CenterLat { get; set; }

    public double CenterLon { get; set; }

    public long BaseDeliveryFeeFen { get; set; }

    public long FeePerKmFen { get; set; }

    public double FreeDistanceKm { get; set; }

    public double MaxDistanceKm { get; set; }

    public GeoPoint Center => new(CenterLat, CenterLon);
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.ToTable("catalog_zones");
        b.Property(z => z.Id).ValueGeneratedNever();
        b.Property(z => z.Name).HasMaxLength(40);
        b.Ignore(z => z.Center);
    }
}
