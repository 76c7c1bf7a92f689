using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Riders;

/// <summary>What a rider can do: how they travel, how far the battery goes, how many orders they carry, stairs or not.</summary>
internal sealed class RiderProfile
{
    public Guid RiderId { get; init; }
    public Guid HomeZoneId { get; set; }
    public required string VehicleType { get; set; }
    public double BatteryRangeKm { get; set; }
    public int Capacity { get; set; }
    public bool AcceptsStairs { get; set; }

    /// <summary>The zone the rider is online in, null while offline: a restarted host brings the rider back online from it.</summary>
    public Guid? OnlineZoneId { get; set; }

    /// <summary>Where the rider was when going online or when their grain last went to sleep; the position trail may be newer.</summary>
    public double LastLatitude { get; set; }
    public double LastLongitude { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>
    /// 下班时间 as given when going online (null: stays on, or offline). Stored with the online zone so that a restarted
    /// host still plans no pickup after it.
    /// </summary>
    public DateTimeOffset? ShiftEndsAt { get; set; }

    /// <summary>Customers' 配送 stars: the mean, one decimal (null before the first), and how many.</summary>
    public double? Rating { get; set; }
    public int RatingCount { get; set; }

    /// <summary>
    /// When the rider erased their account (注销): the row stays, emptied, so the station's lists show 已注销 and the
    /// jobs, earnings and withdrawals kept for the books still point at a rider that existed.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

/// <summary>Speeds by vehicle, km/h on campus roads.</summary>
internal static class VehicleTypes
{
    public static readonly IReadOnlyDictionary<string, double> SpeedKmh = new Dictionary<string, double>
    {
        ["ebike"] = 20,
        ["scooter"] = 25,
        ["bicycle"] = 14,
        ["foot"] = 5,
    };

    public static double SpeedOf(string vehicle) => SpeedKmh.TryGetValue(vehicle, out var speed) ? speed : 5;
}

internal sealed class RiderProfileConfiguration : IEntityTypeConfiguration<RiderProfile>
{
    public void Configure(EntityTypeBuilder<RiderProfile> rider)
    {
        rider.ToTable("dispatch_riders");
        rider.HasKey(r => r.RiderId);
        rider.Property(r => r.RiderId).ValueGeneratedNever();
        rider.Property(r => r.VehicleType).HasMaxLength(16);
    }
}

/// <summary>A rider's position as flushed from memory in batches; the live one is in the rider's grain.</summary>
internal sealed class RiderPosition
{
    public long Id { get; init; }
    public Guid RiderId { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class RiderPositionConfiguration : IEntityTypeConfiguration<RiderPosition>
{
    public void Configure(EntityTypeBuilder<RiderPosition> position)
    {
        position.ToTable("dispatch_rider_positions");
        position.HasKey(p => p.Id);
        position.HasIndex(p => new { p.RiderId, p.At });
    }
}
