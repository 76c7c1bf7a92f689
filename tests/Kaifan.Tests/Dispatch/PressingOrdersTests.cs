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
        // beyond 90 next round. A fresh order right next to the rider would score better on its own.
        var rider = new RiderState("r1", new Point(0, 0), FreeAt: 100, FreePlace: new Point(0, 0), ShiftEnd: 400, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var oldMerchant = new Point(427 * 80, 0);
        var old = new PendingOrder("old", "m-far", oldMerchant, oldMerchant with { Y = 427 }, PlacedAt: 98, ReadyAt: 98);
        var fresh = new PendingOrder("fresh", "m-near", new Point(427, 0), new Point(427, 427 * 5), PlacedAt: 100, ReadyAt: 100);
        var snapshot = new DispatchSnapshot(100, [old, fresh], [rider]);

        var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);

        var route = plan.Assignments.ShouldHaveSingleItem();
        route.OrderIds.ShouldBe(["old"]);
        (route.DropoffAt[0] - old.PlacedAt).ShouldBeLessThanOrEqualTo(Settings.MaxClickToDoorMinutes);
        plan.Held.ShouldBe(["fresh"]);
    }

    [Fact]
    public void an_order_only_a_rider_beyond_the_look_ahead_can_serve_is_promised_to_that_rider_now()
    {
        // Busy for another 30 min (beyond the 20-minute look-ahead), but still in time for the 90-minute maximum.
        var rider = new RiderState("r1", new Point(0, 0), FreeAt: 130, FreePlace: new Point(0, 0), ShiftEnd: 400, Capacity: 3,
            RangeKm: double.PositiveInfinity, AcceptsStairs: true);
        var order = new PendingOrder("o1", "m1", new Point(427 * 5, 0), new Point(427 * 5, 427 * 5), PlacedAt: 100, ReadyAt: 110);
        var snapshot = new DispatchSnapshot(100, [order], [rider]);

        var plan = DispatchOptimiser.Plan(snapshot, Travel, Settings);

        var route = plan.Assignments.ShouldHaveSingleItem();
        route.RiderId.ShouldBe("r1");
        route.DepartAt.ShouldBe(130); // straight after the current route
        plan.Held.ShouldBeEmpty();
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
}
