using Microsoft.Extensions.Configuration;

namespace Kaifan.Tracking;

/// <summary>
/// Kaifan:Tracking: road factor, vehicle speeds (km/h), service minutes and the position cadence.
/// Kaifan:Tracking:Zones:{zoneId}:RoadFactor and Kaifan:Tracking:Zones:{zoneId}:SpeedsKmh:{vehicle} override per zone,
/// because a campus with footpaths and a district with ring roads detour differently.
/// </summary>
internal sealed class TrackingSettings
{
    public double RoadFactor { get; init; } = 1.3;

    public Dictionary<string, double> SpeedsKmh { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ebike"] = 18,
        ["bicycle"] = 12,
        ["scooter"] = 25,
        ["foot"] = 5,
    };

    /// <summary>Who is assumed to ride an order before a rider is assigned.</summary>
    public string DefaultVehicle { get; init; } = "ebike";

    /// <summary>The prep estimate before the merchant has named one.</summary>
    public double DefaultPrepMinutes { get; init; } = 15;

    public double PickupServiceMinutes { get; init; } = 2;

    public double DropOffServiceMinutes { get; init; } = 3;

    /// <summary>How often a live stream looks up its rider while the order is on its way.</summary>
    public TimeSpan PositionInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Keyed by zone id as text, the way configuration keys come.</summary>
    public Dictionary<string, ZoneTravel> Zones { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public double RoadFactorIn(Guid zoneId) =>
        Zones.TryGetValue(zoneId.ToString(), out var zone) && zone.RoadFactor is { } factor ? factor : RoadFactor;

    public double SpeedKmhIn(Guid zoneId, string vehicle)
    {
        if (Zones.TryGetValue(zoneId.ToString(), out var zone) && zone.SpeedsKmh.TryGetValue(vehicle, out var zoned))
        {
            return zoned;
        }

        return SpeedsKmh.TryGetValue(vehicle, out var speed) ? speed : SpeedsKmh.GetValueOrDefault(DefaultVehicle, 18);
    }

    public static TrackingSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = new TrackingSettings();
        var section = configuration.GetSection("Kaifan:Tracking");
        section.Bind(settings);
        return settings;
    }
}

internal sealed class ZoneTravel
{
    public double? RoadFactor { get; init; }

    public Dictionary<string, double> SpeedsKmh { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
