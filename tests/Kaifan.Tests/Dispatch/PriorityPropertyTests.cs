using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

/// <summary>
/// The production additions to the snapshot (weights of top customers, riders an order excludes) across random
/// snapshots: exclusions are as hard as capabilities, and special care still never waits beside an idle rider.
/// </summary>
public sealed class PriorityPropertyTests
{
    private static readonly DispatchSettings Settings = new();
    private static readonly TravelModel Travel = RandomSnapshots.Travel;

    private static IEnumerable<DispatchSnapshot> WithPriorities(int count, int seed)
    {
        var rng = new Random(seed);
        foreach (var snapshot in RandomSnapshots.Generate(count, seed))
        {
            var riderIds = snapshot.Riders.Select(r => r.Id).ToArray();
            yield return snapshot with
            {
                Orders = snapshot.Orders.Select(o => o with
                {
                    Weight = rng.Next(4) == 0 ? 2.0 : 1.0,
                    ExcludedRiders = riderIds.Length > 0 && rng.Next(3) == 0
                        ? riderIds.Where(_ => rng.Next(3) == 0).ToHashSet(StringComparer.Ordinal)
                        : null,
                }).ToArray(),
            };
        }
    }

    [Fact]
    public void capabilities_and_exclusions_are_never_violated_whatever_the_weights()
    {
        foreach (var snapshot in WithPriorities(300, seed: 21))
        {
            var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);
            var orders = snapshot.Orders.ToDictionary(o => o.Id);
            var riders = snapshot.Riders.ToDictionary(r => r.Id);
            plan.Assignments.Select(a => a.RiderId).ShouldBeUnique();
            plan.Assignments.SelectMany(a => a.OrderIds).ShouldBeUnique();
            foreach (var a in plan.Assignments)
            {
                var rider = riders[a.RiderId];
                var bundle = a.OrderIds.Select(id => orders[id]).ToArray();
                bundle.Length.ShouldBeLessThanOrEqualTo(rider.Capacity);
                if (bundle.Any(o => o.StairsNoLift)) rider.AcceptsStairs.ShouldBeTrue();
                bundle.ShouldAllBe(o => o.ExcludedRiders == null || !o.ExcludedRiders.Contains(a.RiderId));
                a.RouteKm.ShouldBeLessThanOrEqualTo(rider.RangeKm + 1e-9);
            }
        }
    }

    [Fact]
    public void a_special_care_order_is_never_held_while_a_capable_rider_it_does_not_exclude_idles_nearby()
    {
        var checkedHeld = 0;
        foreach (var snapshot in WithPriorities(300, seed: 23))
        {
            var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);
            var busy = plan.Assignments.Select(a => a.RiderId).ToHashSet();
            foreach (var order in snapshot.Orders.Where(o => o.Priority == OrderPriority.SpecialCare && plan.Held.Contains(o.Id)))
            {
                checkedHeld++;
                var single = Bundle.Sequence([order], Travel, Settings);
                snapshot.Riders.Where(r =>
                        r.FreeAt <= snapshot.Clock && !busy.Contains(r.Id)
                        && r.FreePlace.DistanceTo(order.Merchant) <= Settings.NearbyMeters
                        && (order.ExcludedRiders == null || !order.ExcludedRiders.Contains(r.Id))
                        && RouteEvaluator.Evaluate(single, r, snapshot.Clock, Travel, Settings) is not null)
                    .ShouldBeEmpty($"special-care order {order.Id} held");
            }
        }

        checkedHeld.ShouldBeGreaterThan(0);
    }
}
