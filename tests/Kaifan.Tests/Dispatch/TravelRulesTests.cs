using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

public sealed class TravelRulesTests
{
    private static readonly TravelModel Travel = new(427, 4, 4);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(854, 2)]
    [InlineData(855, 3)]
    public void travel_time_is_the_ceiling_of_distance_over_speed(double meters, int minutes) =>
        Travel.Minutes(new Point(0, 0), new Point(meters, 0)).ShouldBe(minutes);

    [Fact]
    public void a_diagonal_is_measured_as_the_crow_flies() =>
        Travel.Minutes(new Point(0, 0), new Point(300, 400)).ShouldBe(2); // 500 m at 427 m/min

    [Theory]
    [InlineData(10, 20, 20)] // early rider waits for the food
    [InlineData(18, 20, 20)] // arrival + half service lands exactly on ready
    [InlineData(19, 20, 21)] // late rider: half the service after arrival
    public void pickup_is_the_later_of_ready_time_and_arrival_plus_half_the_service(int arrival, int ready, int pickup) =>
        Travel.PickupTime(arrival, ready).ShouldBe(pickup);

    [Fact]
    public void the_rider_leaves_half_a_service_after_each_handover()
    {
        Travel.LeaveMerchant(30).ShouldBe(32);
        Travel.DropoffTime(40).ShouldBe(42);
        Travel.LeaveCustomer(42).ShouldBe(44);
    }

    [Fact]
    public void service_times_that_do_not_split_into_whole_minutes_are_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TravelModel(300, 3, 4));

    [Fact]
    public void a_bundle_is_ready_when_its_last_order_is_and_drops_in_route_order()
    {
        var settings = new DispatchSettings();
        var merchant = new Point(0, 0);
        var early = new PendingOrder("a", "m", merchant, new Point(854, 0), PlacedAt: 0, ReadyAt: 10);
        var late = new PendingOrder("b", "m", merchant, new Point(1708, 0), PlacedAt: 0, ReadyAt: 15);
        var bundle = Bundle.Sequence([late, early], Travel, settings);
        var rider = new RiderState("r", merchant, 0, merchant, 600, 4, 100, true);

        var c = RouteEvaluator.Evaluate(bundle, rider, clock: 0, Travel, settings).ShouldNotBeNull();

        c.Route.PickupAt.ShouldBe(15);
        c.Route.OrderIds.ShouldBe(["a", "b"]); // nearer customer first
        c.Route.DropoffAt.ShouldBe([15 + 2 + 2 + 2, 15 + 2 + 2 + 2 + 2 + 2 + 2]);
        c.Route.FreeAt.ShouldBe(c.Route.DropoffAt[^1] + 2);
    }

    [Fact]
    public void no_route_picks_up_after_the_riders_shift_ends()
    {
        var settings = new DispatchSettings();
        var order = new PendingOrder("a", "m", new Point(0, 0), new Point(100, 0), PlacedAt: 0, ReadyAt: 30);
        var rider = new RiderState("r", new Point(0, 0), 0, new Point(0, 0), ShiftEnd: 29, 4, 100, true);

        RouteEvaluator.Evaluate(Bundle.Sequence([order], Travel, settings), rider, 0, Travel, settings).ShouldBeNull();
    }

    [Fact]
    public void the_maximum_click_to_door_is_waived_only_for_an_order_that_cannot_meet_it_at_all()
    {
        var settings = new DispatchSettings();
        var reachable = new PendingOrder("a", "m", new Point(0, 0), new Point(100, 0), PlacedAt: 0, ReadyAt: 80);
        var hopeless = new PendingOrder("b", "m", new Point(0, 0), new Point(100, 0), PlacedAt: 0, ReadyAt: 120);
        var farRider = new RiderState("r", new Point(20_000, 0), 0, new Point(20_000, 0), 600, 4, 100, true);

        RouteEvaluator.CannotMeetMaximum(reachable, Travel, settings).ShouldBeFalse();
        RouteEvaluator.CannotMeetMaximum(hopeless, Travel, settings).ShouldBeTrue();
        RouteEvaluator.Evaluate(Bundle.Sequence([reachable], Travel, settings), farRider, 50, Travel, settings).ShouldBeNull();
        RouteEvaluator.Evaluate(Bundle.Sequence([hopeless], Travel, settings), farRider, 50, Travel, settings).ShouldNotBeNull();
    }
}
