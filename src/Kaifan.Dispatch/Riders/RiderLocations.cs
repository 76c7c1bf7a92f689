using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// The freshest position there is, never a database row: a ping still in this host's buffer first, else the
/// rider's grain. The grain decides whether the rider is online at all.
/// </summary>
internal sealed class RiderLocations(IGrainFactory grains, PositionBuffer buffer) : IRiderLocations
{
    public async Task<RiderLocation?> GetAsync(Guid riderId, CancellationToken ct)
    {
        var rider = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        if (rider is not { Online: true, Capabilities: { } caps })
        {
            return null;
        }

        var (latitude, longitude, at) = buffer.Pending(riderId) is { } pending && pending.At >= rider.At
            ? (pending.Latitude, pending.Longitude, pending.At)
            : (rider.Latitude, rider.Longitude, rider.At);
        return new RiderLocation(riderId, new GeoPoint(latitude, longitude), at, caps.VehicleType, caps.SpeedKmh);
    }
}
