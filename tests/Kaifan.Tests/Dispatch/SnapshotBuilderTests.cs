using Kaifan.Contracts;
using Kaifan.Dispatch.Optimisation;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Tests.Dispatch;

/// <summary>The zone grain's live state turned into the optimiser's snapshot, without a silo.</summary>
public sealed class SnapshotBuilderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Shop = new(31.0250, 121.4420);
    private static readonly Guid ShopId = Guid.NewGuid();
    private static readonly Guid Loyal = Guid.NewGuid();
    private static readonly Guid Casual = Guid.NewGuid();

    private static ZoneOrder Order(Guid customer, bool specialCare = false, params Guid[] refusedBy) => new(
        new JobTicket(Guid.NewGuid(), ShopId, Shop.Latitude, Shop.Longitude, 31.0270, 121.4440, Noon.AddMinutes(10), false,
            Noon.AddMinutes(-5), specialCare, customer),
        refusedBy.ToHashSet());

    private static ZoneRider Rider(double metresNorth = 100, int spare = 3) =>
        new(Guid.NewGuid(), new GeoPoint(Shop.Latitude + metresNorth / 111_195, Shop.Longitude), spare, 30, true);

    private static double WeightOf(DispatchSnapshot snapshot, ZoneOrder order) =>
        snapshot.Orders.Single(o => o.Id == order.Ticket.OrderId.ToString()).Weight;

    [Fact]
    public void bad_weather_raises_the_weight_of_a_top_customers_order_and_no_one_elses()
    {
        var loyal = Order(Loyal);
        var casual = Order(Casual);
        var top = new HashSet<Guid> { Loyal };
        var riders = new[] { Rider(), Rider(300) };

        var fair = SnapshotBuilder.Build(Noon, [loyal, casual], riders, new ZoneConditions(false, top));
        WeightOf(fair, loyal).ShouldBe(1.0);

        var stormy = SnapshotBuilder.Build(Noon, [loyal, casual], riders, new ZoneConditions(true, top));
        WeightOf(stormy, loyal).ShouldBe(SnapshotBuilder.TopCustomerWeight);
        WeightOf(stormy, casual).ShouldBe(1.0);
    }

    [Fact]
    public void a_zone_short_of_riders_raises_the_top_customers_weight_without_any_flag()
    {
        var orders = Enumerable.Range(0, 4).Select(_ => Order(Casual)).Append(Order(Loyal)).ToList();
        var snapshot = SnapshotBuilder.Build(Noon, orders, [Rider(spare: 2)], new ZoneConditions(false, new HashSet<Guid> { Loyal }));
        WeightOf(snapshot, orders[^1]).ShouldBe(SnapshotBuilder.TopCustomerWeight);
    }

    [Fact]
    public void the_top_twenty_percent_by_value_are_at_least_one_customer_and_the_richest()
    {
        var ranked = Enumerable.Range(1, 11).Select(i => (Guid.NewGuid(), (long)(1000 * (12 - i)))).ToList();
        CustomerValues.Top(ranked).ShouldBe([ranked[0].Item1, ranked[1].Item1, ranked[2].Item1], ignoreOrder: true);
        CustomerValues.Top(ranked.Take(1).ToList()).Count.ShouldBe(1);
    }

    [Fact]
    public void positions_become_metres_times_become_minutes_and_special_care_and_refusals_carry_over()
    {
        var near = Rider(500);
        var order = Order(Casual, specialCare: true, refusedBy: near.RiderId);
        var snapshot = SnapshotBuilder.Build(Noon, [order], [near, Rider(spare: 0)], new ZoneConditions(false, new HashSet<Guid>()));

        var pending = snapshot.Orders.ShouldHaveSingleItem();
        pending.Priority.ShouldBe(OrderPriority.SpecialCare);
        pending.ExcludedRiders!.ShouldContain(near.RiderId.ToString());
        pending.ReadyAt.ShouldBe(snapshot.Clock + 10);
        pending.PlacedAt.ShouldBe(snapshot.Clock - 5);
        var metres = Shop.DistanceMetresTo(new GeoPoint(31.0270, 121.4440));
        pending.Merchant.DistanceTo(pending.DropOff).ShouldBe(metres, metres * 0.01);

        var rider = snapshot.Riders.ShouldHaveSingleItem(); // a full rider is no candidate
        rider.Position.DistanceTo(pending.Merchant).ShouldBe(500, 5);
        rider.FreeAt.ShouldBe(snapshot.Clock);
    }

    [Fact]
    public void the_optimiser_never_gives_an_order_to_the_rider_who_refused_it()
    {
        var near = Rider(50);
        var far = Rider(1500);
        var order = Order(Casual, specialCare: true, refusedBy: near.RiderId);
        var snapshot = SnapshotBuilder.Build(Noon, [order], [near, far], new ZoneConditions(false, new HashSet<Guid>()));
        var plan = DispatchOptimiser.Plan(snapshot, new TravelModel(192, 2, 2), ProductionPlanning.Settings);
        plan.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe(far.RiderId.ToString());
    }
}
