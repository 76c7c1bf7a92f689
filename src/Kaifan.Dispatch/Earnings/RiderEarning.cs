using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Earnings;

/// <summary>
/// What a rider earned for one delivered order, with its parts kept as computed at the time, so a later change of the
/// settings never rewrites what a rider was told they earned. The order is the key: an order pays one rider once.
/// </summary>
internal sealed class RiderEarning
{
    public Guid OrderId { get; init; }
    public Guid RiderId { get; set; }
    public required string OrderNumber { get; init; }
    public Guid ZoneId { get; init; }
    public DateTimeOffset DeliveredAt { get; init; }

    /// <summary>Shop to door in a straight line, whole metres: what the distance part was computed from.</summary>
    public int DistanceMetres { get; init; }
    public long BaseFen { get; init; }
    public long DistanceFen { get; init; }
    public long BadWeatherFen { get; init; }
    public long SpecialCareFen { get; init; }
    public long TotalFen { get; init; }
}

internal sealed class RiderEarningConfiguration : IEntityTypeConfiguration<RiderEarning>
{
    public void Configure(EntityTypeBuilder<RiderEarning> earning)
    {
        earning.ToTable("dispatch_rider_earnings");
        earning.HasKey(e => e.OrderId);
        earning.Property(e => e.OrderId).ValueGeneratedNever();
        earning.Property(e => e.OrderNumber).HasMaxLength(32);
        earning.HasIndex(e => new { e.RiderId, e.DeliveredAt });
    }
}
