using Kaifan.Contracts;
using Kaifan.Dispatch.Optimisation;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Zones;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Dispatch;

/// <summary>The zone grain's live state turned into the optimiser's snapshot, without a silo.</summary>
public sealed class SnapshotBuilderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Shop = new(31.0250, 121.4420);
    private static readonly Guid ShopId = Guid.NewGuid();
    private static readonly Guid Loyal = Guid.NewGuid();
    private static readonly Guid Casual = Guid.NewGuid();
    private static readonly DispatchOptions Options = DispatchOptions.FromConfiguration(new ConfigurationBuilder().Build());
    private static readonly TravelModel Travel = ProductionPlanning.Travel(Options);
    private static readonly ZoneConditions Fair = new(false, new HashSet<Guid>());

    private static ZoneOrder Order(Guid customer, bool specialCare = false, params Guid[] refusedBy) => new(
        new JobTicket(Guid.NewGuid(), ShopId, Shop.Latitude, Shop.Longitude, 31.0270, 121.4440, Noon.AddMinutes(10), false,
            Noon.AddMinutes(-5), specialCare, customer),
        refusedBy.ToHashSet());

    private static ZoneRider Rider(double metresNorth = 100, int spare = 3) =>
        new(Guid.NewGuid(), new GeoPoint(Shop.Latitude + metresNorth / 111_195, Shop.Longitude), spare, 30, true, ProductionPlanning.ModelSpeedKmh);

    private static double WeightOf(DispatchSnapshot snapshot, ZoneOrder order) =>
        snapshot.Orders.Single(o => o.Id == order.Ticket.OrderId.ToString()).Weight;

    [Fact]
    public void bad_weather_raises_the_weight_of_a_top_customers_order_and_no_one_elses()
    {
        var loyal = Order(Loyal);
        var casual = Order(Casual);
        var top = new HashSet<Guid> { Loyal };
        var riders = new[] { Rider(), Rider(300) };

        var fair = SnapshotBuilder.Build(Noon, [loyal, casual], riders, new ZoneConditions(false, top), Travel);
        WeightOf(fair, loyal).ShouldBe(1.0);

        var stormy = SnapshotBuilder.Build(Noon, [loyal, casual], riders, new ZoneConditions(true, top), Travel);
        WeightOf(stormy, loyal).ShouldBe(SnapshotBuilder.TopCustomerWeight);
        WeightOf(stormy, casual).ShouldBe(1.0);
    }

    [Fact]
    public void a_zone_short_of_riders_raises_the_top_customers_weight_without_any_flag()
    {
        var orders = Enumerable.Range(0, 4).Select(_ => Order(Casual)).Append(Order(Loyal)).ToList();
        var snapshot = SnapshotBuilder.Build(Noon, orders, [Rider(spare: 2)], new ZoneConditions(false, new HashSet<Guid> { Loyal }), Travel);
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
        var snapshot = SnapshotBuilder.Build(Noon, [order], [near, Rider(spare: 0)], new ZoneConditions(false, new HashSet<Guid>()), Travel);

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
        var snapshot = SnapshotBuilder.Build(Noon, [order], [near, far], new ZoneConditions(false, new HashSet<Guid>()), Travel);
        var plan = DispatchOptimiser.Plan(snapshot, new TravelModel(192, 2, 2), ProductionPlanning.Settings);
        plan.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe(far.RiderId.ToString());
    }

    private static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + metres / 111_195, from.Longitude);

    private static CarriedOrder Carrying(GeoPoint shop, GeoPoint door, int readyInMinutes, bool pickedUp, long leg = 1) => new(
        new JobTicket(Guid.NewGuid(), Guid.NewGuid(), shop.Latitude, shop.Longitude, door.Latitude, door.Longitude, Noon.AddMinutes(readyInMinutes), false,
            Noon.AddMinutes(-20)),
        leg,
        pickedUp);

    private static ZoneRider RiderAt(GeoPoint at, params CarriedOrder[] route) => new(Guid.NewGuid(), at, 4 - route.Length, 30, true, ProductionPlanning.ModelSpeedKmh, route);

    private static RiderState StateOf(DispatchSnapshot snapshot, ZoneRider rider) => snapshot.Riders.Single(r => r.Id == rider.RiderId.ToString());

    [Fact]
    public void a_rider_carrying_an_order_is_free_after_riding_it_to_the_door_and_handing_it_over()
    {
        // 1.8 km at 15 km/h over the 1.3 road factor (192 m/min) is 10 minutes, then half the drop-off handover to
        // hand it over and half to leave.
        var door = North(Shop, 1800);
        var busy = RiderAt(Shop, Carrying(Shop, door, readyInMinutes: -5, pickedUp: true));
        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [busy], Fair, Travel);

        var state = StateOf(snapshot, busy);
        state.FreeAt.ShouldBe(snapshot.Clock + 10 + 1 + 1);
        state.FreePlace.DistanceTo(state.Position).ShouldBe(1800, 5);
        state.Capacity.ShouldBe(3);
    }

    [Fact]
    public void food_not_yet_collected_adds_the_ride_to_the_shop_and_the_wait_for_the_kitchen()
    {
        // 1 km to the shop (6 min), the food is ready at minute 10, the rider leaves at 11, rides 10 min, hands over.
        var door = North(Shop, 1800);
        var busy = RiderAt(North(Shop, -1000), Carrying(Shop, door, readyInMinutes: 10, pickedUp: false));
        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [busy], Fair, Travel);

        var state = StateOf(snapshot, busy);
        state.FreeAt.ShouldBe(snapshot.Clock + 10 + 1 + 10 + 1 + 1);
        state.FreePlace.DistanceTo(state.Position).ShouldBe(2800, 5);
    }

    [Fact]
    public void legs_are_ridden_in_the_order_they_were_accepted()
    {
        // Leg 1: deliver the food in the bag 1.8 km north (free at 12); leg 2: back to the shop (10 min, ready long
        // ago: pickup at 23, leave at 24) and 1.8 km north again (10 min, hand over): free at 36, at that door.
        var door = North(Shop, 1800);
        var busy = RiderAt(Shop,
            Carrying(Shop, North(Shop, -1800), readyInMinutes: -30, pickedUp: false, leg: 2),
            Carrying(Shop, door, readyInMinutes: -30, pickedUp: true, leg: 1));
        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [busy], Fair, Travel);

        var state = StateOf(snapshot, busy);
        state.FreeAt.ShouldBe(snapshot.Clock + 12 + 10 + 1 + 1 + 10 + 1 + 1);
        state.FreePlace.DistanceTo(state.Position).ShouldBe(1800, 5);
    }

    [Fact]
    public void an_idle_rider_is_free_now_where_they_stand()
    {
        var idle = RiderAt(North(Shop, 700));
        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [idle], Fair, Travel);

        var state = StateOf(snapshot, idle);
        state.FreeAt.ShouldBe(snapshot.Clock);
        state.FreePlace.ShouldBe(state.Position);
    }

    [Fact]
    public void a_new_order_goes_to_an_idle_rider_rather_than_a_nearer_one_who_first_rides_a_delivery_far_away()
    {
        var far = North(Shop, 4000);
        var busy = RiderAt(North(Shop, 100), Carrying(North(Shop, 3000), far, readyInMinutes: 0, pickedUp: false));
        var idle = RiderAt(North(Shop, -1500));
        var order = Order(Casual);
        var snapshot = SnapshotBuilder.Build(Noon, [order], [busy, idle], Fair, Travel);

        StateOf(snapshot, busy).FreeAt.ShouldBeGreaterThan(snapshot.Clock + 20);
        var plan = DispatchOptimiser.Plan(snapshot, Travel, ProductionPlanning.Settings);
        plan.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe(idle.RiderId.ToString());
    }

    [Fact]
    public void in_a_zone_flagged_for_slow_rides_the_same_route_ends_later()
    {
        // A quarter slower: 1.8 km at 154 m/min is 12 minutes instead of 10.
        var busy = RiderAt(Shop, Carrying(Shop, North(Shop, 1800), readyInMinutes: -5, pickedUp: true));
        var flaggedTravel = ProductionPlanning.Travel(Options, travelFlagged: true);
        flaggedTravel.MetersPerMinute.ShouldBe(Travel.MetersPerMinute / 1.25, 1e-9);

        var usual = SnapshotBuilder.Build(Noon, [Order(Casual)], [busy], Fair, Travel);
        var flagged = SnapshotBuilder.Build(Noon, [Order(Casual)], [busy], Fair, flaggedTravel);

        StateOf(usual, busy).FreeAt.ShouldBe(usual.Clock + 12);
        StateOf(flagged, busy).FreeAt.ShouldBe(flagged.Clock + 14);
    }

    [Fact]
    public void a_rider_whose_shift_ends_before_the_food_is_ready_is_not_given_it()
    {
        var leaving = RiderAt(North(Shop, 100)) with { ShiftEndsAt = Noon.AddMinutes(5) };
        var staying = RiderAt(North(Shop, -1500));
        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [leaving, staying], Fair, Travel);

        StateOf(snapshot, leaving).ShiftEnd.ShouldBe(snapshot.Clock + 5);
        StateOf(snapshot, staying).ShiftEnd.ShouldBeGreaterThan(snapshot.Clock + 12 * 60);
        var plan = DispatchOptimiser.Plan(snapshot, Travel, ProductionPlanning.Settings);
        plan.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe(staying.RiderId.ToString());
    }

    [Fact]
    public void the_last_hours_orders_become_each_shops_hourly_demand_and_older_ones_are_forgotten()
    {
        var other = new GeoPoint(Shop.Latitude + 0.01, Shop.Longitude);
        var demand = new ZoneDemand();
        demand.Record(Order(Casual).Ticket with { PlacedAt = Noon.AddMinutes(-70) }, Noon);
        demand.Record(Order(Casual).Ticket with { PlacedAt = Noon.AddMinutes(-50) }, Noon);
        var repeat = Order(Loyal).Ticket with { PlacedAt = Noon.AddMinutes(-10) };
        demand.Record(repeat, Noon);
        demand.Record(repeat, Noon);
        demand.Record(Order(Casual).Ticket with { MerchantLatitude = other.Latitude, PlacedAt = Noon.AddMinutes(-5) }, Noon);

        var snapshot = SnapshotBuilder.Build(Noon, [Order(Casual)], [Rider()], Fair with { RecentOrders = demand.Recent(Noon) }, Travel);

        snapshot.Demand.ShouldNotBeNull();
        snapshot.Demand.Select(d => d.OrdersPerHour).Order().ShouldBe([1.0, 2.0]);
        var busiest = snapshot.Demand.MaxBy(d => d.OrdersPerHour)!;
        busiest.Merchant.DistanceTo(snapshot.Orders[0].Merchant).ShouldBeLessThan(1);
    }
}
