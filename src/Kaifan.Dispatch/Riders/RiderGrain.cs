using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    [property: Id(6)] RiderCapabilities? Capabilities,
    [property: Id(7)] DateTimeOffset? ShiftEndsAt = null,
    [property: Id(8)] DateTimeOffset? StillSince = null,
    [property: Id(9)] DoorStop[]? Doors = null)
{
    /// <summary>Where the rider said they reached the customers (已到达) of the orders still on <paramref name="route"/>:
    /// stops like the drop-off pins, since a campus gate where students come down may be hundreds of metres from the
    /// dorm's pin. An order no longer on the route (handed over, cancelled, reassigned) has no door any more.</summary>
    public IEnumerable<GeoPoint> DoorsOf(IEnumerable<Guid> route) =>
        (Doors ?? []).Where(d => route.Contains(d.OrderId)).Select(d => new GeoPoint(d.Latitude, d.Longitude));
}

[GenerateSerializer, Immutable]
internal sealed record DoorStop([property: Id(0)] Guid OrderId, [property: Id(1)] double Latitude, [property: Id(2)] double Longitude);

/// <summary>
/// A rider's live state: online or not, in which zone, where, until when, with what. Pings never touch the database
/// here; going on- or offline does (dispatch_riders), and so does the grain going to sleep, so that a restarted host or
/// a grain woken again finds the rider online where they were (or where the position trail last saw them) and with
/// the shift end they gave. StillSince is when the rider last moved more than <see cref="DispatchOptions.StillMetres"/>,
/// finished a step (pickup, hand-over) or went online: kept in memory only, since a restart that forgets it merely
/// delays 滞留 by one StalledAfter.
/// </summary>
internal interface IRiderGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Returns the zone the rider was online in before, if any, so the caller can tell that zone. The shift end is
    /// stored with the online zone, so a restarted grain keeps it; going offline forgets it.
    /// </summary>
    Task<Guid?> GoOnline(Guid zoneId, double latitude, double longitude, RiderCapabilities capabilities, DateTimeOffset? shiftEndsAt = null);

    Task<Guid?> GoOffline();

    /// <summary>False when the rider is offline (the ping is refused). A position older than the one held is ignored.</summary>
    Task<bool> Locate(double latitude, double longitude, DateTimeOffset at);

    Task UpdateCapabilities(RiderCapabilities capabilities);

    /// <summary>The rider picked an order up or handed one over at <paramref name="at"/>: standing still starts again from there.</summary>
    Task StepDone(DateTimeOffset at);

    /// <summary>The rider said they reached the customer of <paramref name="orderId"/>: where they stand now counts as
    /// that order's door while it is on their route, if within <see cref="DispatchOptions.DoorReachMetres"/> of its pin.</summary>
    Task ArrivedAtDoor(Guid orderId, double dropOffLatitude, double dropOffLongitude);

    [AlwaysInterleave]
    Task<RiderSnapshot> Snapshot();
}

internal sealed class RiderGrain(TimeProvider clock, IServiceScopeFactory scopes, ILogger<RiderGrain> logger) : Grain, IRiderGrain
{
    private RiderSnapshot state = null!;

    /// <summary>Where the rider stood at StillSince; a position further than StillMetres from it means they moved.</summary>
    private GeoPoint stillAt;

    private Guid RiderId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var riderId = RiderId;
        state = new RiderSnapshot(riderId, false, null, 0, 0, clock.GetUtcNow(), null);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var profile = await db.Riders.AsNoTracking().SingleOrDefaultAsync(r => r.RiderId == riderId, ct);
        if (profile is not { OnlineZoneId: { } zoneId })
        {
            return;
        }

        var (latitude, longitude, at) = (profile.LastLatitude, profile.LastLongitude, profile.LastSeenAt ?? state.At);

        // Ids grow with every flush, so the highest is the newest point (SQLite cannot order by DateTimeOffset).
        var trail = await db.RiderPositions.AsNoTracking().Where(p => p.RiderId == riderId).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (trail is not null && trail.At > at)
        {
            (latitude, longitude, at) = (trail.Latitude, trail.Longitude, trail.At);
        }

        // A shift end that passed while the host was down is kept as it is, as if the host had stayed up: the rider
        // stays online with what they carry and is offered nothing new (dispatch plans no pickup after it).
        // Still since now, not since the stored position: how long they stood there before the restart is unknown,
        // and guessing long would cut a moving rider off from offers.
        state = new RiderSnapshot(riderId, true, zoneId, latitude, longitude, at, RiderCapabilities.Of(profile), profile.ShiftEndsAt, clock.GetUtcNow());
        stillAt = new GeoPoint(latitude, longitude);

        // Not awaited: the zone's round may be waiting on this very activation for a snapshot.
        _ = TellZoneAsync(zoneId);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        if (state is not { Online: true })
        {
            return;
        }

        try
        {
            await StoreAsync(state.ZoneId, ct);
        }
        catch (Exception e)
        {
            // Only the position is lost: the rider is still stored as online, and the trail has recent points.
            logger.LogWarning(e, "Could not store where rider {RiderId} was on deactivation", RiderId);
        }
    }

    public async Task<Guid?> GoOnline(Guid zoneId, double latitude, double longitude, RiderCapabilities capabilities, DateTimeOffset? shiftEndsAt = null)
    {
        var previous = state.Online && state.ZoneId != zoneId ? state.ZoneId : null;
        var now = clock.GetUtcNow();
        state = state with
        {
            Online = true, ZoneId = zoneId, Latitude = latitude, Longitude = longitude, At = now, Capabilities = capabilities, ShiftEndsAt = shiftEndsAt,
            StillSince = now, Doors = null,
        };
        stillAt = new GeoPoint(latitude, longitude);
        if (!await StoreAsync(zoneId, CancellationToken.None))
        {
            // Erased (注销) while going online: nothing was stored, and an account that is gone takes no offers.
            state = state with { Online = false, ZoneId = null, ShiftEndsAt = null, StillSince = null };
        }

        return previous;
    }

    public async Task<Guid?> GoOffline()
    {
        var zone = state.Online ? state.ZoneId : null;
        state = state with { Online = false, ZoneId = null, ShiftEndsAt = null, StillSince = null, Doors = null };
        await StoreAsync(null, CancellationToken.None);
        return zone;
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
            var here = new GeoPoint(latitude, longitude);
            var moved = here.DistanceMetresTo(stillAt) > DispatchOptions.StillMetres;
            state = state with { Latitude = latitude, Longitude = longitude, At = at, StillSince = moved ? at : state.StillSince };
            if (moved)
            {
                stillAt = here;
            }
        }

        return Task.FromResult(true);
    }

    public Task UpdateCapabilities(RiderCapabilities capabilities)
    {
        state = state with { Capabilities = capabilities };
        return Task.CompletedTask;
    }

    public Task StepDone(DateTimeOffset at)
    {
        if (state is { Online: true, StillSince: { } since } && at > since)
        {
            state = state with { StillSince = at };
            stillAt = new GeoPoint(state.Latitude, state.Longitude);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps the last few doors only: old ones belong to orders long handed over.</summary>
    private const int DoorsKept = 8;

    public Task ArrivedAtDoor(Guid orderId, double dropOffLatitude, double dropOffLongitude)
    {
        var here = new GeoPoint(state.Latitude, state.Longitude);
        if (state.Online && here.DistanceMetresTo(new GeoPoint(dropOffLatitude, dropOffLongitude)) <= DispatchOptions.DoorReachMetres)
        {
            var others = (state.Doors ?? []).Where(d => d.OrderId != orderId).TakeLast(DoorsKept - 1);
            state = state with { Doors = [.. others, new DoorStop(orderId, here.Latitude, here.Longitude)] };
        }

        return Task.CompletedTask;
    }

    public Task<RiderSnapshot> Snapshot() => Task.FromResult(state);

    /// <summary>
    /// Online in <paramref name="zoneId"/> (or offline when null), at the position and with the shift end held now. False
    /// when the rider was erased: a request racing the 注销 (a token other hosts trust for up to a minute, ADR 0004) must
    /// not write a position back into the tombstone.
    /// </summary>
    private async Task<bool> StoreAsync(Guid? zoneId, CancellationToken ct)
    {
        var (riderId, latitude, longitude, at, shiftEndsAt) = (RiderId, state.Latitude, state.Longitude, state.At, state.ShiftEndsAt);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        return await db.Riders.Where(r => r.RiderId == riderId && r.ErasedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.OnlineZoneId, zoneId)
                .SetProperty(r => r.LastLatitude, latitude)
                .SetProperty(r => r.LastLongitude, longitude)
                .SetProperty(r => r.LastSeenAt, at)
                .SetProperty(r => r.ShiftEndsAt, shiftEndsAt),
            ct) > 0;
    }

    private async Task TellZoneAsync(Guid zoneId)
    {
        try
        {
            await GrainFactory.GetGrain<IZoneGrain>(zoneId).RiderOnline(RiderId);
        }
        catch (Exception e)
        {
            // The rider's next go-online tells the zone again; until then the zone just offers them nothing.
            logger.LogWarning(e, "Could not tell zone {ZoneId} that rider {RiderId} is back online", zoneId, RiderId);
        }
    }
}
