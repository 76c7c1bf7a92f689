using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Zones;

internal enum JobStatus
{
    Pending,
    Assigned,
    Delivered,
    Cancelled,
}

/// <summary>Where an order's delivery stands in progress, as the rider's task list shows it.</summary>
internal enum JobStage
{
    ToMerchant,
    AtMerchant,
    ToCustomer,
    Done,
}

/// <summary>
/// An accepted order waiting for, or given to, a rider: the durable half of the zone grain's state, so that a
/// restarted zone rebuilds its pending set. Version guards the assignment: two writers never both assign it.
/// </summary>
internal sealed class DispatchJob
{
    public Guid OrderId { get; init; }
    public Guid ZoneId { get; init; }
    public Guid MerchantId { get; init; }
    public double MerchantLatitude { get; init; }
    public double MerchantLongitude { get; init; }
    public double DropOffLatitude { get; init; }
    public double DropOffLongitude { get; init; }
    public DateTimeOffset ReadyEstimate { get; init; }
    public bool StairsNoLift { get; init; }
    public DateTimeOffset? PlacedAt { get; init; }
    public bool SpecialCare { get; init; }
    public Guid? CustomerId { get; init; }

    /// <summary>A campus batch order waits for its line's next departure.</summary>
    public DateTimeOffset? HoldUntil { get; init; }
    public JobStatus Status { get; set; }
    public JobStage Stage { get; set; }
    public Guid? RiderId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>Where the order stands in the route of the offer the rider took (0 first): the rider's list keeps that order.</summary>
    public int RouteStop { get; set; }

    /// <summary>Riders who declined or let an offer of this order expire, comma-separated; it never goes back to them.</summary>
    public string RefusedBy { get; set; } = "";
    public int Version { get; set; }
}

internal sealed class DispatchJobConfiguration : IEntityTypeConfiguration<DispatchJob>
{
    public void Configure(EntityTypeBuilder<DispatchJob> job)
    {
        job.ToTable("dispatch_jobs");
        job.HasKey(j => j.OrderId);
        job.Property(j => j.OrderId).ValueGeneratedNever();
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        job.Property(j => j.Stage).HasConversion<string>().HasMaxLength(16);
        job.Property(j => j.RefusedBy).HasMaxLength(4000);
        job.Property(j => j.Version).IsConcurrencyToken();
        job.HasIndex(j => new { j.ZoneId, j.Status });
        job.HasIndex(j => new { j.RiderId, j.Status });
    }
}
