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

        var alternatives = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = Candidates(BundleBuilder.Build(orders, travel, settings), riders, clock, travel, settings, alternatives);
        var chosen = SetPacking.Solve(candidates, settings);

        var horizon = clock + settings.DecisionIntervalMinutes;
        var committed = new List<Assignment>();
        var usedRiders = new HashSet<string>(StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            var mustStart = c.Rider.FreeAt <= horizon && c.LatestDeparture <= horizon;
            var specialCareWithIdleRider = c.Bundle.HasSpecialCare && c.Rider.FreeAt <= clock;
            // With hardly any rider able to serve an order, waiting risks losing it: tell the rider now (a busy
            // rider leaves for it straight after the current drop-off).
            var scarce = c.Bundle.Orders.Any(o => alternatives.GetValueOrDefault(o.Id) <= settings.ScarceAlternatives);
            if (!mustStart && !specialCareWithIdleRider && !scarce) continue;
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

    /// <summary>
    /// Every feasible (bundle, rider) pair, the best few riders per bundle kept. An order whose best possible
    /// click-to-door is already past the target gains urgency value, so that under overload the old orders are served
    /// before they can no longer make the maximum, instead of being starved by fresh ones that would score better.
    /// </summary>
    private static List<Candidate> Candidates(List<Bundle> bundles, RiderState[] riders, int clock, TravelModel travel,
        DispatchSettings settings, Dictionary<string, int> alternatives)
    {
        var perBundle = new List<List<Candidate>>(bundles.Count);
        var bestCtd = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bundle in bundles)
        {
            var list = new List<Candidate>();
            foreach (var rider in riders)
            {
                var c = RouteEvaluator.Evaluate(bundle, rider, clock, travel, settings);
                if (c is null) continue;
                list.Add(c);
                if (bundle.Orders.Count == 1)
                {
                    var ctd = c.Route.DropoffAt[0] - bundle.Orders[0].PlacedAt;
                    bestCtd[bundle.Orders[0].Id] = Math.Min(bestCtd.GetValueOrDefault(bundle.Orders[0].Id, int.MaxValue), ctd);
                }
            }

            if (bundle.Orders.Count == 1) alternatives[bundle.Orders[0].Id] = list.Count;
            perBundle.Add(list);
        }

        var all = new List<Candidate>();
        foreach (var list in perBundle)
        {
            if (list.Count == 0) continue;
            var urgency = list[0].Bundle.Orders.Sum(o => Bundle.Weight(o, settings) * settings.UrgencyWeight
                * Math.Max(0, bestCtd.GetValueOrDefault(o.Id, 0) - settings.TargetClickToDoorMinutes));
            var kept = list.Select(c => urgency == 0 ? c : c with { Value = c.Value + urgency })
                .Where(c => c.Value > 0)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Rider.Id, StringComparer.Ordinal)
                .Take(settings.CandidateRidersPerBundle);
            all.AddRange(kept);
        }

        return all;
    }
}
