using Orleans.Concurrency;

namespace Kaifan.Dispatch.Riders;

[GenerateSerializer, Immutable]
internal sealed record RiderCapabilities(
    [property: Id(0)] string VehicleType,
    [property: Id(1)] double SpeedKmh,
    [property: Id(2)] double BatteryRangeKm,
    [property: Id(3)] int Capacity,
    [property: Id(4)] bool AcceptsStairs)
{
    public static RiderCapabilities Of(RiderProfile profile) =>
        new(profile.VehicleType, VehicleTypes.SpeedOf(profile.VehicleType), profile.BatteryRangeKm, profile.Capacity, profile.AcceptsStairs);
}

[GenerateSerializer, Immutable]
internal sealed record RiderSnapshot(
    [property: Id(0)] Guid RiderId,
    [property: Id(1)] bool Online,
    [property: Id(2)] Guid? ZoneId,
    [property: Id(3)] double Latitude,
    [property: Id(4)] double Longitude,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] RiderCapabilities? Capabilities);

/// <summary>A rider's live state: online or not, in which zone, where, with what. Memory only; pings never touch the database here.</summary>
internal interface IRiderGrain : IGrainWithGuidKey
{
    /// <summary>Returns the zone the rider was online in before, if any, so the caller can tell that zone.</summary>
    Task<Guid?> GoOnline(Guid zoneId, double latitude, double longitude, RiderCapabilities capabilities);

    Task<Guid?> GoOffline();

    /// <summary>False when the rider is offline (the ping is refused). A position older than the one held is ignored.</summary>
    Task<bool> Locate(double latitude, double longitude, DateTimeOffset at);

    Task UpdateCapabilities(RiderCapabilities capabilities);

    [AlwaysInterleave]
    Task<RiderSnapshot> Snapshot();
}

internal sealed class RiderGrain(TimeProvider clock) : Grain, IRiderGrain
{
    private RiderSnapshot state = null!;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        state = new RiderSnapshot(this.GetPrimaryKey(), false, null, 0, 0, clock.GetUtcNow(), null);
        return Task.CompletedTask;
    }

    public Task<Guid?> GoOnline(Guid zoneId, double latitude, double longitude, RiderCapabilities capabilities)
    {
        var previous = state.Online && state.ZoneId != zoneId ? state.ZoneId : null;
        state = state with { Online = true, ZoneId = zoneId, Latitude = latitude, Longitude = longitude, At = clock.GetUtcNow(), Capabilities = capabilities };
        return Task.FromResult(previous);
    }

    public Task<Guid?> GoOffline()
    {
        var zone = state.Online ? state.ZoneId : null;
        state = state with { Online = false, ZoneId = null };
        return Task.FromResult(zone);
    }

    public Task<bool> Locate(double latitude, double longitude, DateTimeOffset at)
    {
        if (!state.Online)
        {
            return Task.FromResult(false);
        }

        // Buffered pings arrive late; one taken before the rider went online again must not move them back.
        if (at >= state.At)
        {
            state = state with { Latitude = latitude, Longitude = longitude, At = at };
        }

        return Task.FromResult(true);
    }

    public Task UpdateCapabilities(RiderCapabilities capabilities)
    {
        state = state with { Capabilities = capabilities };
        return Task.CompletedTask;
    }

    public Task<RiderSnapshot> Snapshot() => Task.FromResult(state);
}
