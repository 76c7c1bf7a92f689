using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

/// <summary>The only rider near a busy shop is kept for it when another rider can take the order nearly as well.</summary>
public sealed class ReserveValueTests
{
    private const double MetresPerMinute = 427;
    private static readonly TravelModel Travel = new(MetresPerMinute, 4, 4);
    private static readonly DispatchSettings Settings = new() { ReserveWeight = 2, ReserveReachMinutes = 10, ReserveFreeWithinMinutes = 10 };
    private static readonly Point BusyShop = At(10);

    [Fact]
    public void the_order_goes_to_the_rider_whose_absence_no_busy_shop_feels()
    {
        // A is a minute nearer the order but the only rider within reach of a shop taking six orders an hour; C and D
        // make the order an ordinary one (a scarce order takes its best rider whatever the reserve).
        Point[] places = [At(1), At(-2), At(-6), At(-7)];
        var riders = places.Select((p, i) => Rider(((char)('a' + i)).ToString(), p)).ToArray();
        var order = new PendingOrder("o1", "m1", At(0), At(0) with { Y = MetresPerMinute * 5 }, PlacedAt: 100, ReadyAt: 100);

        var withDemand = DispatchOptimiser.Plan(new DispatchSnapshot(100, [order], riders, [new DemandSpot(BusyShop, 6)]), Travel, Settings);
        var without = DispatchOptimiser.Plan(new DispatchSnapshot(100, [order], riders), Travel, Settings);

        withDemand.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe("b");
        without.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe("a");
    }

    [Fact]
    public void riders_near_the_same_shop_share_its_demand_and_riders_too_busy_or_too_far_cover_nothing()
    {
        var near1 = Rider("near1", At(8));
        var near2 = Rider("near2", At(12));
        var far = Rider("far", At(-5));
        var busy = Rider("busy", At(10)) with { FreeAt = 130 };

        var reserve = ReserveValue.Of([new DemandSpot(BusyShop, 6), new DemandSpot(At(-40), 3)], [near1, near2, far, busy], 1, 100, Travel, Settings);

        reserve["near1"].ShouldBe(3);
        reserve["near2"].ShouldBe(3);
        reserve.ShouldNotContainKey("far");
        reserve.ShouldNotContainKey("busy");
    }

    [Fact]
    public void no_rider_is_kept_back_when_orders_wait_for_every_free_rider_nor_one_whose_shift_ends_within_the_hour()
    {
        var staying = Rider("staying", At(9));
        var leaving = Rider("leaving", At(11)) with { ShiftEnd = 150 };
        var spare = Rider("spare", At(-30));
        var busyShop = new[] { new DemandSpot(BusyShop, 6) };

        var quiet = ReserveValue.Of(busyShop, [staying, leaving, spare], 1, 100, Travel, Settings);
        var rush = ReserveValue.Of(busyShop, [staying, leaving, spare], 2, 100, Travel, Settings);

        quiet["staying"].ShouldBe(6);
        quiet.ShouldNotContainKey("leaving");
        rush.ShouldBeEmpty();
    }

    [Fact]
    public void with_the_weight_at_zero_the_demand_changes_nothing()
    {
        var reserve = ReserveValue.Of([new DemandSpot(BusyShop, 6)], [Rider("a", At(9))], 0, 100, Travel, Settings with { ReserveWeight = 0 });

        reserve.ShouldBeEmpty();
    }

    private static Point At(double minutesEast) => new(MetresPerMinute * minutesEast, 0);

    private static RiderState Rider(string id, Point at) =>
        new(id, at, FreeAt: 100, FreePlace: at, ShiftEnd: 400, Capacity: 3, RangeKm: double.PositiveInfinity, AcceptsStairs: true);
}
