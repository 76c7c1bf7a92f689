using System.Diagnostics;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Mdrp;

/// <summary>
/// Simulated day on an MDRP instance: orders appear at their placement time, the optimiser is called every
/// decision interval, and couriers move by the instance rules. The replay recomputes every committed route itself
/// and fails loudly when the optimiser's plan disagrees with the rules.
/// </summary>
internal static class MdrpReplay
{
    private sealed class CourierState(MdrpCourier c)
    {
        public MdrpCourier Courier { get; } = c;
        public int FreeAt { get; set; } = c.OnTime;
        public Point FreePlace { get; set; } = c.OnLocation;
        public string LastStop { get; set; } = "0";
    }

    public static MdrpSolution Run(MdrpInstance instance, DispatchSettings settings, Action<DispatchSnapshot, DispatchPlan>? observe = null)
    {
        var travel = instance.Travel;
        var orders = instance.Orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var couriers = instance.Couriers.Select(c => new CourierState(c)).ToDictionary(c => c.Courier.Id, StringComparer.Ordinal);
        var byPlacement = instance.Orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToArray();
        var pending = new Dictionary<string, PendingOrder>(StringComparer.Ordinal);
        var assignments = new List<AssignmentRow>();
        var orderRows = new List<OrderRow>();
        var moves = new List<MoveRow>();
        var roundMs = new List<double>();

        var lastOff = instance.Couriers.Max(c => c.OffTime);
        var next = 0;
        for (var clock = byPlacement[0].PlacedAt; clock <= lastOff; clock += settings.DecisionIntervalMinutes)
        {
            for (; next < byPlacement.Length && byPlacement[next].PlacedAt <= clock; next++)
            {
                var o = byPlacement[next];
                pending[o.Id] = new PendingOrder(o.Id, o.RestaurantId, instance.Restaurants[o.RestaurantId], o.DropOff, o.PlacedAt, o.ReadyAt);
            }

            if (pending.Count == 0) continue;
            var riders = couriers.Values
                .Where(c => c.Courier.OffTime >= clock)
                .Select(c => new RiderState(c.Courier.Id, c.FreePlace, Math.Max(c.FreeAt, c.Courier.OnTime), c.FreePlace,
                    c.Courier.OffTime, int.MaxValue, double.PositiveInfinity, AcceptsStairs: true))
                .ToArray();

            var sw = Stopwatch.StartNew();
            var snapshot = new DispatchSnapshot(clock, pending.Values.ToArray(), riders, RecentDemand(instance, byPlacement, next, clock));
            var plan = DispatchOptimiser.Plan(snapshot, travel, settings);
            sw.Stop();
            roundMs.Add(sw.Elapsed.TotalMilliseconds);
            observe?.Invoke(snapshot, plan);

            foreach (var a in plan.Assignments)
            {
                Apply(instance, travel, clock, a, couriers, pending, orders, assignments, orderRows, moves);
            }
        }

        var courierOrder = instance.Couriers.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var sortedMoves = moves.OrderBy(m => courierOrder[m.CourierId]).ThenBy(m => m.DepartAt).ToArray();
        return new MdrpSolution(assignments, orderRows.OrderBy(o => o.OrderId, StringComparer.Ordinal).ToArray(), sortedMoves, roundMs);
    }

    private static void Apply(MdrpInstance instance, TravelModel travel, int clock, Assignment a,
        Dictionary<string, CourierState> couriers, Dictionary<string, PendingOrder> pending, Dictionary<string, MdrpOrder> orders,
        List<AssignmentRow> assignments, List<OrderRow> orderRows, List<MoveRow> moves)
    {
        if (!couriers.TryGetValue(a.RiderId, out var courier)) Fail($"t={clock}: unknown courier {a.RiderId}");
        if (a.OrderIds.Count == 0) Fail($"t={clock}: empty bundle for {a.RiderId}");
        var bundle = a.OrderIds.Select(id => pending.TryGetValue(id, out var p) ? orders[p.Id] : Fail<MdrpOrder>($"t={clock}: order {id} is not pending")).ToArray();
        if (bundle.Select(o => o.RestaurantId).Distinct().Count() != 1) Fail($"t={clock}: bundle spans restaurants");
        var restaurantId = bundle[0].RestaurantId;
        var restaurant = instance.Restaurants[restaurantId];

        // The rules, recomputed here rather than trusted from the optimiser.
        var depart = Math.Max(clock, Math.Max(courier!.FreeAt, courier.Courier.OnTime));
        var arrive = depart + travel.Minutes(courier.FreePlace, restaurant);
        var pickup = travel.PickupTime(arrive, bundle.Max(o => o.ReadyAt));
        if (pickup > courier.Courier.OffTime) Fail($"t={clock}: {courier.Courier.Id} would pick up at {pickup} after off-time {courier.Courier.OffTime}");
        if (depart != a.DepartAt || arrive != a.ArriveAtMerchant || pickup != a.PickupAt)
        {
            Fail($"t={clock}: plan for {a.RiderId} says depart/arrive/pickup {a.DepartAt}/{a.ArriveAtMerchant}/{a.PickupAt}, rules give {depart}/{arrive}/{pickup}");
        }

        assignments.Add(new AssignmentRow(clock, pickup, courier.Courier.Id, a.OrderIds.ToArray()));
        moves.Add(new MoveRow(courier.Courier.Id, depart, courier.LastStop, restaurantId));
        var leave = travel.LeaveMerchant(pickup);
        var at = restaurant;
        var origin = restaurantId;
        for (var i = 0; i < bundle.Length; i++)
        {
            var o = bundle[i];
            moves.Add(new MoveRow(courier.Courier.Id, leave, origin, o.Id));
            var drop = travel.DropoffTime(leave + travel.Minutes(at, o.DropOff));
            if (drop != a.DropoffAt[i]) Fail($"t={clock}: plan drops {o.Id} at {a.DropoffAt[i]}, rules give {drop}");
            orderRows.Add(new OrderRow(o.Id, o.PlacedAt, o.ReadyAt, pickup, drop, courier.Courier.Id));
            pending.Remove(o.Id);
            leave = travel.LeaveCustomer(drop);
            at = o.DropOff;
            origin = o.Id;
        }

        courier.FreeAt = leave;
        courier.FreePlace = at;
        courier.LastStop = origin;
    }

    /// <summary>Each restaurant's orders over the last hour, from the orders revealed so far (the first <paramref name="revealed"/>).</summary>
    private static IReadOnlyList<DemandSpot> RecentDemand(MdrpInstance instance, MdrpOrder[] byPlacement, int revealed, int clock)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = revealed - 1; i >= 0 && byPlacement[i].PlacedAt > clock - DemandWindowMinutes; i--)
            counts[byPlacement[i].RestaurantId] = counts.GetValueOrDefault(byPlacement[i].RestaurantId) + 1;
        return counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new DemandSpot(instance.Restaurants[kv.Key], kv.Value * 60.0 / DemandWindowMinutes)).ToArray();
    }

    private const int DemandWindowMinutes = 60;

    private static void Fail(string message) => throw new InvalidOperationException("MDRP replay: " + message);

    private static T Fail<T>(string message) => throw new InvalidOperationException("MDRP replay: " + message);
}
