namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// One decision round, as a pure function of the snapshot: build candidate bundles per merchant, cost each against
/// the riders who are free now or soon, pick a best set of (bundle, rider) pairs with CP-SAT (each order and each
/// rider at most once), then commit only the routes that must start before the next round. Everything else is held
/// and re-planned next round with fresher information (rolling horizon).
/// </summary>
internal static class DispatchOptimiser
{
    public static DispatchPlan Plan(DispatchSnapshot snapshot, TravelModel travel, DispatchSettings settings)
    {
        var clock = snapshot.Clock;
        var orders = snapshot.Orders.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        var riders = snapshot.Riders
            .Where(r => r.FreeAt <= clock + settings.LookAheadMinutes && r.ShiftEnd >= clock)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        if (orders.Length == 0) return new DispatchPlan([], []);

        var candidates = Candidates(BundleBuilder.Build(orders, travel, settings), riders, clock, travel, settings);
        var chosen = SetPacking.Solve(candidates, settings);

        var horizon = clock + settings.DecisionIntervalMinutes;
        var committed = new List<Assignment>();
        var usedRiders = new HashSet<string>(StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            var mustStart = c.Rider.FreeAt <= horizon && c.LatestDeparture <= horizon;
            var specialCareWithIdleRider = c.Bundle.HasSpecialCare && c.Rider.FreeAt <= clock;
            if (!mustStart && !specialCareWithIdleRider) continue;
            Commit(c, committed, usedRiders, assigned);
        }

        SpecialCareGuard(orders, riders, clock, travel, settings, committed, usedRiders, assigned);

        var held = orders.Where(o => !assigned.Contains(o.Id)).Select(o => o.Id).ToArray();
        return new DispatchPlan(committed, held);
    }

    /// <summary>
    /// A special-care order is never left waiting while a capable rider idles nearby: if the round did not commit it,
    /// the best idle, unused, capable rider near its merchant takes it alone.
    /// </summary>
    private static void SpecialCareGuard(PendingOrder[] orders, RiderState[] riders, int clock, TravelModel travel,
        DispatchSettings settings, List<Assignment> committed, HashSet<string> usedRiders, HashSet<string> assigned)
    {
        foreach (var order in orders.Where(o => o.Priority == OrderPriority.SpecialCare && !assigned.Contains(o.Id))
                     .OrderBy(o => o.PlacedAt).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            var single = Bundle.Sequence([order], travel, settings);
            Candidate? best = null;
            foreach (var rider in riders)
            {
                if (rider.FreeAt > clock || usedRiders.Contains(rider.Id)) continue;
                if (rider.FreePlace.DistanceTo(order.Merchant) > settings.NearbyMeters) continue;
                var c = RouteEvaluator.Evaluate(single, rider, clock, travel, settings);
                if (c is not null && (best is null || c.Value > best.Value)) best = c;
            }

            if (best is not null) Commit(best, committed, usedRiders, assigned);
        }
    }

    private static void Commit(Candidate c, List<Assignment> committed, HashSet<string> usedRiders, HashSet<string> assigned)
    {
        committed.Add(c.Route);
        usedRiders.Add(c.Rider.Id);
        foreach (var o in c.Bundle.Orders) assigned.Add(o.Id);
    }

    private static List<Candidate> Candidates(List<Bundle> bundles, RiderState[] riders, int clock, TravelModel travel,
        DispatchSettings settings)
    {
        var all = new List<Candidate>();
        var perBundle = new List<Candidate>();
        foreach (var bundle in bundles)
        {
            perBundle.Clear();
            foreach (var rider in riders)
            {
                var c = RouteEvaluator.Evaluate(bundle, rider, clock, travel, settings);
                if (c is not null && c.Value > 0) perBundle.Add(c);
            }

            perBundle.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Rider.Id, b.Rider.Id));
            all.AddRange(perBundle.Take(settings.CandidateRidersPerBundle));
        }

        return all;
    }
}
