using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Batches;
using Kaifan.Dispatch.Optimisation;
using Kaifan.Dispatch.Riders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Dispatch.Zones;

/// <summary>How a round decides: batch departures as multi-shop runs, everything else by the optimiser.</summary>
internal sealed partial class ZoneGrain
{
    private static readonly TimeSpan BatchRunTime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Released batch orders go first as runs that collect from every shop of their cluster; the riders and orders
    /// left over go to the optimiser, which bundles one shop's orders at a time.
    /// </summary>
    private async Task<List<OfferDecision>> DecideAsync(DateTimeOffset now, List<ZoneOrder> orders, List<ZoneRider> riders)
    {
        var slowRides = await TravelFlaggedAsync(now);
        var released = orders.Where(o => o.Ticket.HoldUntil is not null).ToList();
        // A run is a trip of its own: only idle riders with time left in their shift take one.
        var idle = riders.Where(r => r.Route is not { Count: > 0 } && (r.ShiftEndsAt is not { } end || end - now >= BatchRunTime)).ToList();
        var runs = released.Count == 0 ? [] : BatchRuns.Plan(released, idle, ProductionPlanning.RoadFactor(options, slowRides));
        var taken = runs.SelectMany(r => r.OrderIds).ToHashSet();
        var busy = runs.Select(r => r.RiderId).ToHashSet();
        orders = orders.Where(o => !taken.Contains(o.Ticket.OrderId)).ToList();
        riders = riders.Where(r => !busy.Contains(r.RiderId)).ToList();
        if (orders.Count == 0 || riders.Count == 0)
        {
            return runs;
        }

        var conditions = new ZoneConditions(badWeather, await TopCustomersAsync(orders, riders, now), demand.Recent(now));
        return [.. runs, .. Decide(now, orders, riders, conditions, slowRides)];
    }

    /// <summary>
    /// The optimiser decides; each committed route becomes one offer (its bundle, drop-offs in route order) and the
    /// orders it holds stay pending for a later round. Should it ever throw, the v1 nearest-rider policy keeps the
    /// zone moving for that round.
    /// </summary>
    private List<OfferDecision> Decide(
        DateTimeOffset now, List<ZoneOrder> orders, List<ZoneRider> riders, ZoneConditions conditions, bool slowRides)
    {
        try
        {
            var travel = ProductionPlanning.Travel(options, slowRides);
            var plan = DispatchOptimiser.Plan(SnapshotBuilder.Build(now, orders, riders, conditions, travel), travel, ProductionPlanning.Settings);
            var clock = SnapshotBuilder.MinutesOf(now);
            return plan.Assignments
                .Select(a => new OfferDecision(Guid.Parse(a.RiderId), a.OrderIds.Select(Guid.Parse).ToList(), Math.Max(0, a.ArriveAtMerchant - clock)))
                .ToList();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Dispatch optimiser failed in zone {ZoneId}; this round uses the v1 nearest-rider policy", ZoneId);
            var jobs = orders.Select(o => new PolicyJob(
                o.Ticket.OrderId,
                o.Ticket.MerchantId,
                new GeoPoint(o.Ticket.MerchantLatitude, o.Ticket.MerchantLongitude),
                new GeoPoint(o.Ticket.DropOffLatitude, o.Ticket.DropOffLongitude),
                o.Ticket.ReadyEstimate,
                o.Ticket.StairsNoLift,
                o.RefusedBy)).ToList();
            var policyRiders = riders.Select(r => new PolicyRider(r.RiderId, r.Position, r.SpeedKmh, r.SpareCapacity, r.RangeKm, r.AcceptsStairs)).ToList();
            return OfferPolicy.Decide(new PolicySnapshot(now, jobs, policyRiders, ProductionPlanning.RoadFactor(options, slowRides), options.BundleWindow)).ToList();
        }
    }

    /// <summary>What the rider still has to do, leg by leg in the order they accepted it, each leg in its route order.</summary>
    private List<CarriedOrder> RouteOf(Guid riderId) =>
        load.TryGetValue(riderId, out var orders)
            ? orders.Where(carried.ContainsKey).Select(id => carried[id]).OrderBy(c => c.Leg).ThenBy(c => c.Stop)
                .Select(c => new CarriedOrder(c.Ticket, c.Leg, c.PickedUp)).ToList()
            : [];

    /// <summary>The candidates dispatch may offer to this round: online here, reporting, and not standing still with food on board.</summary>
    private async Task<List<ZoneRider>> AvailableRidersAsync(List<Guid> candidates, DateTimeOffset now)
    {
        var riders = new List<ZoneRider>();
        foreach (var rider in await Task.WhenAll(candidates.Select(r => GrainFactory.GetGrain<IRiderGrain>(r).Snapshot())))
        {
            if (!rider.Online || rider.ZoneId != ZoneId || rider.Capabilities is not { } caps)
            {
                online.Remove(rider.RiderId);
                continue;
            }

            // An offer to a silent phone would only run out after 30 s and cost the order that wait; the rider stays
            // online and is back in the next round after their next position.
            if (options.IsSilent(rider.At, now))
            {
                continue;
            }

            var route = RouteOf(rider.RiderId);
            if (Stalled(rider, route, now))
            {
                continue;
            }

            var count = load.TryGetValue(rider.RiderId, out var orders) ? orders.Count : 0;
            riders.Add(new ZoneRider(rider.RiderId, new GeoPoint(rider.Latitude, rider.Longitude), caps.Capacity - count, caps.BatteryRangeKm, caps.AcceptsStairs, caps.SpeedKmh, route, rider.ShiftEndsAt));
        }

        return riders;
    }

    /// <summary>
    /// A rider standing still with food on board, away from every stop of their route: their free minute is planned
    /// from where they stand, so it slides with the clock and would chain offers onto someone going nowhere. Skipped
    /// like a silent rider: what they carry stays theirs, and the first round after they move offers them again.
    /// </summary>
    private bool Stalled(RiderSnapshot rider, List<CarriedOrder> route, DateTimeOffset now) =>
        rider.StillSince is { } since && options.IsStalled(
            since,
            new GeoPoint(rider.Latitude, rider.Longitude),
            route.Any(c => c.PickedUp),
            route.Select(c => c.PickedUp
                ? new GeoPoint(c.Ticket.DropOffLatitude, c.Ticket.DropOffLongitude)
                : new GeoPoint(c.Ticket.MerchantLatitude, c.Ticket.MerchantLongitude)).Concat(rider.DoorsOf(route.Select(c => c.Ticket.OrderId))),
            now);

    /// <summary>
    /// Whether Insights flags this zone for travel overruns (late orders mostly slow rides); asked every few minutes,
    /// and a failed question keeps the last answer rather than stopping dispatch.
    /// </summary>
    private async Task<bool> TravelFlaggedAsync(DateTimeOffset now)
    {
        if (now - travelFlagsAt < options.TravelFlagRefresh)
        {
            return travelFlagged;
        }

        travelFlagsAt = now;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<IZoneTravelFlags>() is { } flags)
            {
                var zoneId = ZoneId;
                var flagged = (await flags.GetAsync(now - options.TravelFlagWindow, CancellationToken.None)).Any(f => f.ZoneId == zoneId);
                if (flagged != travelFlagged)
                {
                    logger.LogInformation("Zone {ZoneId} travel flag is now {Flagged}: dispatch plans with the {Which} road factor", zoneId, flagged, flagged ? "slower" : "usual");
                }

                travelFlagged = flagged;
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the travel flags for zone {ZoneId}", ZoneId);
        }

        return travelFlagged;
    }

    /// <summary>The zone's top 20% customers by order value over 30 days; only looked up when it matters, and cached a minute.</summary>
    private async Task<IReadOnlySet<Guid>> TopCustomersAsync(List<ZoneOrder> orders, List<ZoneRider> riders, DateTimeOffset now)
    {
        if (!badWeather && !SnapshotBuilder.ShortOfRiders(orders, riders))
        {
            return topCustomers;
        }

        if (now - topCustomersAt < TimeSpan.FromMinutes(1))
        {
            return topCustomers;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        topCustomers = await CustomerValues.TopCustomersAsync(db, ZoneId, now);
        topCustomersAt = now;
        return topCustomers;
    }
}
