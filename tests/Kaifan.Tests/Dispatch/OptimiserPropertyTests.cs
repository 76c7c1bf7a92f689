using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

public sealed class OptimiserPropertyTests
{
    private const int Cases = 300;
    private static readonly DispatchSettings Settings = new();
    private static readonly TravelModel Travel = RandomSnapshots.Travel;

    [Fact]
    public void rider_capabilities_and_the_travel_rules_are_never_violated()
    {
        foreach (var snapshot in RandomSnapshots.Generate(Cases, seed: 7))
        {
            var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);
            var orders = snapshot.Orders.ToDictionary(o => o.Id);
            var riders = snapshot.Riders.ToDictionary(r => r.Id);

            plan.Assignments.Select(a => a.RiderId).ShouldBeUnique();
            var assigned = plan.Assignments.SelectMany(a => a.OrderIds).ToArray();
            assigned.ShouldBeUnique();
            assigned.Concat(plan.Held).Order().ShouldBe(orders.Keys.Order());

            foreach (var a in plan.Assignments)
            {
                var rider = riders[a.RiderId];
                var bundle = a.OrderIds.Select(id => orders[id]).ToArray();
                bundle.Length.ShouldBeLessThanOrEqualTo(rider.Capacity);
                if (bundle.Any(o => o.StairsNoLift)) rider.AcceptsStairs.ShouldBeTrue();
                bundle.Select(o => o.MerchantId).Distinct().Count().ShouldBe(1);
                a.PickupAt.ShouldBeLessThanOrEqualTo(rider.ShiftEnd);
                a.PickupAt.ShouldBeGreaterThanOrEqualTo(bundle.Max(o => o.ReadyAt));

                // Recompute the route independently at the rider's pace: start, ride, handovers, and the kilometres it uses.
                a.DepartAt.ShouldBe(Math.Max(snapshot.Clock, rider.FreeAt));
                a.ArriveAtMerchant.ShouldBe(a.DepartAt + Travel.Minutes(rider.FreePlace, bundle[0].Merchant, rider.Speed));
                a.PickupAt.ShouldBe(Math.Max(bundle.Max(o => o.ReadyAt), a.ArriveAtMerchant + 2));
                var at = bundle[0].Merchant;
                var leave = a.PickupAt + 2;
                var km = rider.FreePlace.DistanceTo(at) / 1000;
                for (var i = 0; i < bundle.Length; i++)
                {
                    var drop = leave + Travel.Minutes(at, bundle[i].DropOff, rider.Speed) + 2;
                    a.DropoffAt[i].ShouldBe(drop);
                    km += at.DistanceTo(bundle[i].DropOff) / 1000;
                    if (!RouteEvaluator.CannotMeetMaximum(bundle[i], Travel, Settings))
                        (drop - bundle[i].PlacedAt).ShouldBeLessThanOrEqualTo(Settings.MaxClickToDoorMinutes);
                    leave = drop + 2;
                    at = bundle[i].DropOff;
                }

                km.ShouldBeLessThanOrEqualTo(rider.RangeKm + 1e-9);
            }
        }
    }

    [Fact]
    public void a_special_care_order_is_never_held_while_a_capable_rider_idles_nearby()
    {
        var checkedHeld = 0;
        foreach (var snapshot in RandomSnapshots.Generate(Cases, seed: 11))
        {
            var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);
            var busy = plan.Assignments.Select(a => a.RiderId).ToHashSet();
            foreach (var order in snapshot.Orders.Where(o => o.Priority == OrderPriority.SpecialCare && plan.Held.Contains(o.Id)))
            {
                checkedHeld++;
                var single = Bundle.Sequence([order], Travel, Settings);
                var idleCapableNearby = snapshot.Riders.Where(r =>
                    r.FreeAt <= snapshot.Clock && !busy.Contains(r.Id)
                    && r.FreePlace.DistanceTo(order.Merchant) <= Settings.NearbyMeters
                    && RouteEvaluator.Evaluate(single, r, snapshot.Clock, Travel, Settings) is not null);
                idleCapableNearby.ShouldBeEmpty($"special-care order {order.Id} held");
            }
        }

        checkedHeld.ShouldBeGreaterThan(0); // the generator does produce held special-care orders to check
    }

    [Fact]
    public void the_plan_depends_on_the_snapshot_only_not_on_the_order_of_its_lists()
    {
        var rng = new Random(3);
        foreach (var snapshot in RandomSnapshots.Generate(100, seed: 5))
        {
            var shuffled = snapshot with
            {
                Orders = snapshot.Orders.OrderBy(_ => rng.Next()).ToArray(),
                Riders = snapshot.Riders.OrderBy(_ => rng.Next()).ToArray(),
            };
            Describe(DispatchOptimiser.Plan(shuffled, Travel, Settings)).ShouldBe(Describe(DispatchOptimiser.Plan(snapshot, Travel, Settings)));
        }
    }

    private static string Describe(DispatchPlan plan) =>
        string.Join(";", plan.Assignments.OrderBy(a => a.RiderId, StringComparer.Ordinal)
            .Select(a => $"{a.RiderId}:{string.Join(",", a.OrderIds)}@{a.PickupAt}/{string.Join(",", a.DropoffAt)}"))
        + "|" + string.Join(",", plan.Held.Order(StringComparer.Ordinal));
}
