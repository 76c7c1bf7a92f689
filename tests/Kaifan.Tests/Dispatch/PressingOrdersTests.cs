using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

/// <summary>Orders that waiting would lose are not held: the cases behind the MDRP replay's lost orders.</summary>
public sealed class PressingOrdersTests
{
    private static readonly TravelModel Travel = new(427, 4, 4);
    private static readonly DispatchSettings Settings = new();

    [Fact]
    public void an_order_that_would_miss_the_maximum_after_this_round_goes_before_a_fresh_one()
    {
        // The only rider is 80 min of riding from the old order's merchant: it lands at 89 min click-to-door now,
        // beyond 90 next round (2 min later). A fresh order right next to the rider would score better on its own.
        var settings = Settings with { DecisionIntervalMinutes = 2 };
        var rider = new RiderState("r1", new Point(0, 0), FreeAt: 100, FreePlace: new Point(0, 0), ShiftEnd: 400, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var oldMerchant = new Point(427 * 80, 0);
        var old = new PendingOrder("old", "m-far", oldMerchant, oldMerchant with { Y = 427 }, PlacedAt: 98, ReadyAt: 98);
        var fresh = new PendingOrder("fresh", "m-near", new Point(427, 0), new Point(427, 427 * 5), PlacedAt: 100, ReadyAt: 100);
        var snapshot = new DispatchSnapshot(100, [old, fresh], [rider]);

        var plan = DispatchOptimiser.Plan(snapshot, Travel, settings);

        var route = plan.Assignments.ShouldHaveSingleItem();
        route.OrderIds.ShouldBe(["old"]);
        (route.DropoffAt[0] - old.PlacedAt).ShouldBeLessThanOrEqualTo(settings.MaxClickToDoorMinutes);
        plan.Held.ShouldBe(["fresh"]);
    }

    [Fact]
    public void an_order_only_a_busy_rider_beyond_the_look_ahead_can_serve_is_promised_to_them_once_they_are_due_to_leave_for_it()
    {
        // Busy for another 30 min (beyond the 20-minute look-ahead), but still in time for the 90-minute maximum. To be at
        // the shop (5 min away) when the food is ready at 110 they would leave at 103: until then the order waits, in
        // case a rider who can serve it sooner appears; from then on it is theirs, straight after the current route.
        var rider = new RiderState("r1", new Point(0, 0), FreeAt: 130, FreePlace: new Point(0, 0), ShiftEnd: 400, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var order = new PendingOrder("o1", "m1", new Point(427 * 5, 0), new Point(427 * 5, 427 * 5), PlacedAt: 100, ReadyAt: 110);

        var early = DispatchOptimiser.Plan(new DispatchSnapshot(100, [order], [rider]), Travel, Settings);
        var due = DispatchOptimiser.Plan(new DispatchSnapshot(103, [order], [rider]), Travel, Settings);

        early.Assignments.ShouldBeEmpty();
        early.Held.ShouldBe(["o1"]);
        var route = due.Assignments.ShouldHaveSingleItem();
        route.RiderId.ShouldBe("r1");
        route.DepartAt.ShouldBe(130);
        due.Held.ShouldBeEmpty();
    }

    [Fact]
    public void a_fresh_order_with_plenty_of_riders_is_still_held_for_a_later_round()
    {
        var riders = Enumerable.Range(1, 5).Select(i => new RiderState($"r{i}", new Point(0, 0), FreeAt: 100,
            FreePlace: new Point(i * 100, 0), ShiftEnd: 400, Capacity: 3, RangeKm: double.PositiveInfinity, AcceptsStairs: true)).ToArray();
        var order = new PendingOrder("o1", "m1", new Point(427, 0), new Point(427, 427 * 5), PlacedAt: 100, ReadyAt: 120);

        var plan = DispatchOptimiser.Plan(new DispatchSnapshot(100, [order], riders), Travel, Settings);

        plan.Assignments.ShouldBeEmpty();
        plan.Held.ShouldBe(["o1"]);
    }
    [Fact]
    public void an_overdue_order_waits_for_a_busy_rider_beyond_the_look_ahead_rather_than_a_far_idle_one()
    {
        // Three idle riders 40 min away could still deliver it, but the rider finishing a route at the merchant in
        // 22 min (beyond the 20-minute look-ahead) reaches it far sooner.
        var merchant = new Point(427 * 40, 0);
        var far = Enumerable.Range(1, 3).Select(i => new RiderState($"far{i}", new Point(0, i * 10), FreeAt: 100,
            FreePlace: new Point(0, i * 10), ShiftEnd: 400, Capacity: 3, RangeKm: double.PositiveInfinity, AcceptsStairs: true));
        var busy = new RiderState("busy", merchant, FreeAt: 122, FreePlace: merchant, ShiftEnd: 400, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var order = new PendingOrder("old", "m1", merchant, merchant with { Y = 427 * 5 }, PlacedAt: 90, ReadyAt: 95);
        var snapshot = new DispatchSnapshot(100, [order], [.. far, busy]);

        var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);
        var blind = DispatchOptimiser.Plan(snapshot, Travel, Settings with { OverdueWideRiders = 0 });

        plan.Assignments.ShouldBeEmpty();
        plan.Held.ShouldBe(["old"]);
        blind.Assignments.ShouldHaveSingleItem().RiderId.ShouldStartWith("far"); // what the look-ahead alone would do
    }

    [Fact]
    public void an_order_nobody_could_serve_after_this_round_is_critical_even_far_below_the_maximum()
    {
        // Food ready now, riders 6 min away: picked up at 108 if they leave now, but every shift ends at 108.
        var riders = Enumerable.Range(1, 3).Select(i => new RiderState($"r{i}", new Point(0, i * 10), FreeAt: 100,
            FreePlace: new Point(0, i * 10), ShiftEnd: 108, Capacity: 3, RangeKm: double.PositiveInfinity, AcceptsStairs: true)).ToArray();
        var merchant = new Point(427 * 5, 0);
        var order = new PendingOrder("o1", "m1", merchant, merchant with { Y = 427 * 5 }, PlacedAt: 95, ReadyAt: 100);
        var staying = riders[0] with { Id = "stays", ShiftEnd = 400 };

        var ending = OrderStatus.Assess([order], riders, 100, Travel, Settings)["o1"];
        var withOneStaying = OrderStatus.Assess([order], [.. riders, staying], 100, Travel, Settings)["o1"];

        ending.BestClickToDoor.ShouldBeLessThan(Settings.TargetClickToDoorMinutes);
        ending.Critical.ShouldBeTrue();
        withOneStaying.Critical.ShouldBeFalse();
    }

    [Fact]
    public void an_order_whose_riders_go_off_shift_soon_is_scarce_and_promised_now()
    {
        // Plenty of riders now, but all but one leave before they could serve it a few minutes later.
        var riders = Enumerable.Range(1, 4).Select(i => new RiderState($"r{i}", new Point(0, i * 10), FreeAt: 100,
            FreePlace: new Point(0, i * 10), ShiftEnd: i == 1 ? 400 : 112, Capacity: 3, RangeKm: double.PositiveInfinity,
            AcceptsStairs: true)).ToArray();
        var merchant = new Point(427 * 5, 0);
        var order = new PendingOrder("o1", "m1", merchant, merchant with { Y = 427 * 5 }, PlacedAt: 100, ReadyAt: 110);

        var status = OrderStatus.Assess([order], riders, 100, Travel, Settings)["o1"];

        status.RidersInWindow.ShouldBe(4);
        status.Scarce.ShouldBeTrue();
    }

    [Fact]
    public void a_bundle_with_a_scarce_order_may_go_to_a_rider_beyond_the_look_ahead_so_that_a_nearer_one_serves_another_order_sooner()
    {
        // 0o50t100s1p100 (320 m/min, 4-minute services), where the replay committed the wrong pair at minute 36; run at
        // 39, when the r39 order is due. "near" is free at 51 at a drop-off 7 minutes from the r39 order and 19 from the
        // two r67 orders; "busy" is free at 63, beyond the 20-minute look-ahead, 7 minutes from both shops. Either rider
        // picks the r67 pair up at 72, but only "near" gets the r39 order by 60; when the pair could not see "busy",
        // "near" took it and the r39 order waited for "busy" until 77.
        var travel = new TravelModel(320, 4, 4);
        var near = new RiderState("near", new Point(3695, 3690), FreeAt: 51, FreePlace: new Point(3695, 3690), ShiftEnd: 90, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var busy = new RiderState("busy", new Point(7663, 2842), FreeAt: 63, FreePlace: new Point(7663, 2842), ShiftEnd: 120, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var r67 = new Point(9472, 3738);
        var r39 = new Point(4847, 5399);
        PendingOrder[] orders =
        [
            new("o240", "r67", r67, new Point(9386, 5834), PlacedAt: 29, ReadyAt: 46),
            new("o159", "r67", r67, new Point(10213, 5982), PlacedAt: 36, ReadyAt: 56),
            new("o227", "r39", r39, new Point(9334, 6307), PlacedAt: 33, ReadyAt: 48),
        ];

        var plan = DispatchOptimiser.Plan(new DispatchSnapshot(39, orders, [near, busy]), travel, Settings);

        var r39Route = plan.Assignments.ShouldHaveSingleItem();
        (r39Route.RiderId, r39Route.PickupAt).ShouldBe(("near", 60));
        r39Route.OrderIds.ShouldBe(["o227"]);
        plan.Held.ShouldBe(["o159", "o240"], ignoreOrder: true);
    }
}
