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
        var onShift = snapshot.Riders
            .Where(r => r.ShiftEnd >= clock)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        if (orders.Length == 0) return new DispatchPlan([], []);

        var status = OrderStatus.Assess(orders, onShift, clock, travel, settings);
        var reserve = ReserveValue.Of(snapshot.Demand, onShift, orders.Length, clock, travel, settings);
        var candidates = Candidates(BundleBuilder.Build(orders, travel, settings), onShift, status, reserve, clock, travel, settings);
        var chosen = SetPacking.Solve(candidates, settings);

        var horizon = clock + settings.DecisionIntervalMinutes;
        var committed = new List<Assignment>();
        var usedRiders = new HashSet<string>(StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var tentative = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            var mustStart = c.Rider.FreeAt <= horizon && c.LatestDeparture <= horizon;
            var specialCareWithIdleRider = c.Bundle.HasSpecialCare && c.Rider.FreeAt <= clock;
            // With no rider able to serve an order once this round has passed, waiting loses it: tell the rider now (a
            // busy rider leaves for it straight after the current drop-off). With hardly any, tell them once they are
            // due to leave for it: promised earlier, a rider waits idle at the shop while an order elsewhere may need them.
            var pressing = c.Bundle.Orders.Any(o => status[o.Id].Critical
                || (status[o.Id].Scarce && c.LatestDeparture <= clock + settings.ScarceCommitMinutes));
            if (!mustStart && !specialCareWithIdleRider && !pressing) { tentative.Add(c.Rider.Id); continue; }
            Commit(c, committed, usedRiders, assigned);
        }

        SpecialCareGuard(orders, onShift, clock, travel, settings, committed, usedRiders, assigned);
        OverdueGuard(orders, onShift, status, clock, travel, settings, committed, usedRiders, assigned, tentative);

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

    /// <summary>
    /// An order close to the maximum click-to-door is not held while a rider who could start for it before the
    /// next round stays unused: the packing sees only a few riders per bundle, and under load those few are all
    /// taken, which starved old orders until they could no longer make the maximum. Most overdue first; riders the
    /// packing kept for a held bundle are left to it.
    /// </summary>
    private static void OverdueGuard(PendingOrder[] orders, RiderState[] riders, IReadOnlyDictionary<string, OrderStatus> status,
        int clock, TravelModel travel, DispatchSettings settings, List<Assignment> committed, HashSet<string> usedRiders,
        HashSet<string> assigned, HashSet<string> tentative)
    {
        var horizon = clock + settings.DecisionIntervalMinutes;
        foreach (var order in orders.Where(o => !assigned.Contains(o.Id) && status[o.Id].Overdue
                         && status[o.Id].BestClickToDoor >= settings.MaxClickToDoorMinutes - settings.OverdueGuardSlackMinutes)
                     .OrderByDescending(o => status[o.Id].BestClickToDoor).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            var single = Bundle.Sequence([order], travel, settings);
            Candidate? best = null;
            foreach (var rider in riders)
            {
                if (rider.FreeAt > horizon || usedRiders.Contains(rider.Id) || tentative.Contains(rider.Id)) continue;
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
    /// Feasible (bundle, rider) pairs, the best few riders per bundle kept. Riders within the look-ahead serve every
    /// bundle; a bundle holding an order that few of them can serve, or an overdue order alone, also sees the riders
    /// beyond it (a busy rider takes it after the current route); a scarce or overdue order alone keeps more riders,
    /// so that it is not lost to the cut. An overdue
    /// order gains value by how far its best possible click-to-door is past the target, and one that no rider could
    /// deliver within the maximum after this round gains a dominant bonus (order-level terms, so they never make a
    /// slower rider look better).
    /// </summary>
    private static List<Candidate> Candidates(List<Bundle> bundles, RiderState[] riders, IReadOnlyDictionary<string, OrderStatus> status,
        IReadOnlyDictionary<string, double> reserve, int clock, TravelModel travel, DispatchSettings settings)
    {
        var window = clock + settings.LookAheadMinutes;
        var all = new List<Candidate>();
        foreach (var bundle in bundles)
        {
            var single = bundle.Orders.Count == 1 ? status[bundle.Orders[0].Id] : null;
            // A bundle with a scarce order sees them too: otherwise the far riders a scarce order may need can take it
            // only alone, and the packing gives its bundle to a nearer rider who serves the bundle no sooner while
            // a near order waits for the far rider instead (0o50t100s1p100 from minute 36, docs/benchmarks.md).
            var wide = bundle.Orders.Any(o => status[o.Id].Scarce);
            var overdueWide = single is not null && single.Overdue && !wide && settings.OverdueWideRiders > 0;
            var pressing = single is not null && (single.Scarce || single.Overdue);
            var list = new List<Candidate>();
            List<Candidate>? beyond = overdueWide ? [] : null;
            foreach (var rider in riders)
            {
                if (rider.FreeAt > window && !wide && beyond is null) continue;
                var c = RouteEvaluator.Evaluate(bundle, rider, clock, travel, settings);
                if (c is null) continue;
                if (!pressing && reserve.TryGetValue(rider.Id, out var kept)) c = c with { Value = c.Value - settings.ReserveWeight * kept };
                if (rider.FreeAt > window && beyond is not null) beyond.Add(c);
                else list.Add(c);
            }

            if (beyond is not null)
            {
                list.AddRange(beyond.OrderByDescending(c => c.Value).ThenBy(c => c.Rider.Id, StringComparer.Ordinal)
                    .Take(settings.OverdueWideRiders));
            }

            if (list.Count == 0) continue;
            var bonus = bundle.Orders.Sum(o => status[o.Id].Bonus);
            var keep = settings.CandidateRidersPerBundle * (pressing ? settings.PressingRidersFactor : 1);
            all.AddRange(list.Select(c => bonus == 0 ? c : c with { Value = c.Value + bonus })
                .Where(c => c.Value > 0)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Rider.Id, StringComparer.Ordinal)
                .Take(keep));
        }

        return all;
    }
}

/// <summary>How pressing an order is this round, judged from every on-shift rider alone.</summary>
internal sealed record OrderStatus(int BestClickToDoor, int RidersInWindow, bool Scarce, bool Overdue, bool Critical, double Bonus)
{
    public static Dictionary<string, OrderStatus> Assess(PendingOrder[] orders, RiderState[] riders, int clock, TravelModel travel,
        DispatchSettings settings)
    {
        var window = clock + settings.LookAheadMinutes;
        var nextRound = clock + settings.DecisionIntervalMinutes;
        var later = clock + settings.RiskHorizonMinutes;
        var result = new Dictionary<string, OrderStatus>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var single = Bundle.Sequence([order], travel, settings);
            var best = int.MaxValue;
            int inWindow = 0, stillNextRound = 0, stillLater = 0;
            foreach (var rider in riders)
            {
                var c = RouteEvaluator.Evaluate(single, rider, clock, travel, settings);
                if (c is null) continue;
                best = Math.Min(best, c.Route.DropoffAt[0] - order.PlacedAt);
                if (rider.FreeAt <= window) inWindow++;
                // Who could still take it if it waited: riders drop out as their shifts end or the maximum comes
                // closer, which the best click-to-door alone does not show (the last shifts of the day).
                if (rider.FreeAt >= nextRound || RouteEvaluator.Evaluate(single, rider, nextRound, travel, settings) is not null)
                {
                    stillNextRound++;
                    if (rider.FreeAt >= later || RouteEvaluator.Evaluate(single, rider, later, travel, settings) is not null) stillLater++;
                }
            }

            var weight = Bundle.Weight(order, settings);
            var reachable = best != int.MaxValue;
            var overdue = reachable && best > settings.TargetClickToDoorMinutes;
            // Next round every rider is at least one interval later: an order that no rider could serve then must go now.
            // So must one whose best delivery would pass the maximum after another interval: a busy rider's route end
            // is an estimate that slips when they run late, so "they can still take it next round" may not hold.
            var critical = reachable && (stillNextRound == 0
                || (best <= settings.MaxClickToDoorMinutes && best + settings.DecisionIntervalMinutes > settings.MaxClickToDoorMinutes));
            // Few riders left who could serve it a little later: waiting risks losing it.
            var scarce = reachable && (inWindow <= settings.ScarceAlternatives || stillLater <= settings.ScarceAlternatives);
            var bonus = overdue ? weight * settings.UrgencyWeight * (best - settings.TargetClickToDoorMinutes) : 0;
            if (critical) bonus += weight * settings.CriticalBonus;
            result[order.Id] = new OrderStatus(best, inWindow, scarce, overdue, critical, bonus);
        }

        return result;
    }
}
