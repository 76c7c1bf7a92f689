using System.Globalization;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Mdrp;

/// <summary>
/// Explains undelivered orders: for every round an order waited, which riders could still have delivered it within
/// the maximum, and what happened to them. Printed with `mdrp --instance DIR --explain`.
/// </summary>
internal sealed class LostOrders(MdrpInstance instance, DispatchSettings settings)
{
    private sealed record Seen(int Clock, int Feasible, int FeasibleInWindow, int IdleFeasible, int IdleFeasibleUnused, int BestCtd);

    private readonly TravelModel _travel = instance.Travel;
    private readonly Dictionary<string, List<Seen>> _history = new(StringComparer.Ordinal);

    public void Observe(DispatchSnapshot snapshot, DispatchPlan plan)
    {
        var used = plan.Assignments.Select(a => a.RiderId).ToHashSet(StringComparer.Ordinal);
        var held = plan.Held.ToHashSet(StringComparer.Ordinal);
        foreach (var order in snapshot.Orders.Where(o => held.Contains(o.Id)))
        {
            var single = Bundle.Sequence([order], _travel, settings);
            int feasible = 0, window = 0, idle = 0, idleUnused = 0, best = int.MaxValue;
            foreach (var r in snapshot.Riders)
            {
                var c = RouteEvaluator.Evaluate(single, r, snapshot.Clock, _travel, settings);
                if (c is null) continue;
                feasible++;
                best = Math.Min(best, c.Route.DropoffAt[0] - order.PlacedAt);
                if (r.FreeAt <= snapshot.Clock + settings.LookAheadMinutes) window++;
                if (r.FreeAt <= snapshot.Clock) { idle++; if (!used.Contains(r.Id)) idleUnused++; }
            }

            if (!_history.TryGetValue(order.Id, out var list)) _history[order.Id] = list = [];
            list.Add(new Seen(snapshot.Clock, feasible, window, idle, idleUnused, best));
        }
    }

    public void Print(MdrpSolution solution)
    {
        var delivered = solution.Orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var lastOff = instance.Couriers.Max(c => c.OffTime);
        foreach (var o in instance.Orders.Where(o => !delivered.Contains(o.Id)).OrderBy(o => o.PlacedAt))
        {
            var minimum = FeasibilityChecker.IntrinsicMinimum(instance, o);
            var onShift = instance.Couriers.Count(c => c.OnTime <= o.ReadyAt && c.OffTime >= o.ReadyAt);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lost {o.Id} {o.RestaurantId}: placed {o.PlacedAt} ready {o.ReadyAt} intrinsic CtD {minimum} couriers on shift at ready {onShift} (last off {lastOff})"));
            foreach (var s in _history.GetValueOrDefault(o.Id) ?? [])
            {
                if (s.Feasible == 0) { Console.WriteLine($"   t={s.Clock}: no rider can meet the maximum"); break; }
                Console.WriteLine($"   t={s.Clock}: feasible {s.Feasible} (in look-ahead {s.FeasibleInWindow}, idle {s.IdleFeasible}, idle and not used this round {s.IdleFeasibleUnused}), best CtD {s.BestCtd}");
            }
        }
    }
}
