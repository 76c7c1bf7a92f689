using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Dispatch.Riders;

/// <summary>Reads the rider's grain: the freshest position there is, never a database row.</summary>
internal sealed class RiderLocations(IGrainFactory grains) : IRiderLocations
{
    public async Task<RiderLocation?> GetAsync(Guid riderId, CancellationToken ct)
    {
        var rider = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        return rider is { Online: true, Capabilities: { } caps }
            ? new RiderLocation(riderId, new GeoPoint(rider.Latitude, rider.Longitude), rider.At, caps.VehicleType, caps.SpeedKmh)
            : null;
    }
}
