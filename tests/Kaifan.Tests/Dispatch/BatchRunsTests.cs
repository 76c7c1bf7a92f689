using Kaifan.Contracts;
using Kaifan.Dispatch.Batches;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Tests.Dispatch;

/// <summary>A batch line's departure turned into rider runs that collect from several shops, without a silo.</summary>
public sealed class BatchRunsTests
{
    private static readonly DateTimeOffset Departure = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Dorms = new(31.0274, 121.4413);
    private static readonly (Guid Id, GeoPoint At) Noodles = (Guid.NewGuid(), new(31.0250, 121.4420));
    private static readonly (Guid Id, GeoPoint At) Dumplings = (Guid.NewGuid(), new(31.0240, 121.4400));

    private static ZoneOrder Order((Guid Id, GeoPoint At) shop, DateTimeOffset? departure = null, double metresEast = 0, bool stairs = false, params Guid[] refusedBy) => new(
        new JobTicket(Guid.NewGuid(), shop.Id, shop.At.Latitude, shop.At.Longitude, Dorms.Latitude, Dorms.Longitude + metresEast / 95_000,
            Departure.AddMinutes(-5), stairs, Departure.AddMinutes(-20), HoldUntil: departure ?? Departure),
        refusedBy.ToHashSet());

    private static ZoneRider Rider(double metresNorthOfNoodles, int spare = 5, bool stairs = true, double rangeKm = 30) =>
        new(Guid.NewGuid(), new GeoPoint(Noodles.At.Latitude + metresNorthOfNoodles / 111_195, Noodles.At.Longitude), spare, rangeKm, stairs, ProductionPlanning.ModelSpeedKmh);

    private static List<OfferDecision> Plan(IReadOnlyList<ZoneOrder> orders, params ZoneRider[] riders) =>
        BatchRuns.Plan(orders, riders, 1.3);

    [Fact]
    public void one_departure_to_the_dorms_from_two_shops_is_one_run_for_the_nearest_rider_visiting_the_nearer_shop_first()
    {
        var orders = new[] { Order(Dumplings), Order(Noodles), Order(Dumplings) };
        var near = Rider(100);
        var far = Rider(2_000);

        var runs = Plan(orders, far, near);

        var run = runs.ShouldHaveSingleItem();
        run.RiderId.ShouldBe(near.RiderId);
        run.OrderIds.ShouldBe([orders[1].Ticket.OrderId, orders[0].Ticket.OrderId, orders[2].Ticket.OrderId]);
        run.MinutesToMerchant.ShouldBe(0.1 * 1.3 / 15 * 60, 0.05);
    }

    [Fact]
    public void a_run_holds_what_its_rider_can_carry_and_the_rest_goes_to_the_next_rider()
    {
        var orders = Enumerable.Range(0, 5).Select(_ => Order(Noodles)).ToList();
        var small = Rider(100, spare: 2);
        var big = Rider(500, spare: 3);

        var runs = Plan(orders, small, big);

        runs.Count.ShouldBe(2);
        runs.Single(r => r.RiderId == big.RiderId).OrderIds.Count.ShouldBe(3);
        runs.Single(r => r.RiderId == small.RiderId).OrderIds.Count.ShouldBe(2);
        runs.SelectMany(r => r.OrderIds).ShouldBe(orders.Select(o => o.Ticket.OrderId), ignoreOrder: true);
    }

    [Fact]
    public void stairs_refusals_and_range_are_respected_and_what_nobody_may_take_stays_pending()
    {
        var noLift = Order(Noodles, stairs: true);
        var refused = Order(Noodles);
        var plain = Order(Noodles);
        var flatOnly = Rider(100, stairs: false);
        refused = refused with { RefusedBy = new HashSet<Guid> { flatOnly.RiderId } };
        var tooShort = Rider(50, rangeKm: 0.1);

        var runs = Plan([noLift, refused, plain], flatOnly, tooShort);

        var run = runs.ShouldHaveSingleItem();
        run.RiderId.ShouldBe(flatOnly.RiderId);
        run.OrderIds.ShouldBe([plain.Ticket.OrderId]);
    }

    [Fact]
    public void different_departures_and_distant_drop_offs_never_share_a_run()
    {
        var now = Order(Noodles);
        var later = Order(Noodles, Departure.AddMinutes(30));
        var farAway = Order(Noodles, metresEast: 1_000);

        var runs = Plan([now, later, farAway], Rider(100), Rider(200), Rider(300));

        runs.Count.ShouldBe(3);
        runs.ShouldAllBe(r => r.OrderIds.Count == 1);
    }
}
