using Kaifan.Contracts;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Optimisation;
using Kaifan.Dispatch.Zones;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Dispatch;

/// <summary>Riders on foot, bicycle and e-bike are planned at their own pace, in the optimiser and in the zone's snapshot.</summary>
public sealed class RiderSpeedTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Shop = new(31.0250, 121.4420);
    private static readonly TravelModel Travel = ProductionPlanning.Travel(DispatchOptions.FromConfiguration(new ConfigurationBuilder().Build()));
    private static readonly ZoneConditions Fair = new(false, new HashSet<Guid>());

    private static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + metres / 111_195, from.Longitude);

    private static JobTicket Ticket(GeoPoint door, int readyInMinutes) => new(Guid.NewGuid(), Guid.NewGuid(), Shop.Latitude, Shop.Longitude,
        door.Latitude, door.Longitude, Noon.AddMinutes(readyInMinutes), false, Noon.AddMinutes(-5), false, Guid.NewGuid());

    private static ZoneRider Rider(GeoPoint at, double speedKmh, params CarriedOrder[] route) =>
        new(Guid.NewGuid(), at, 4 - route.Length, 30, true, speedKmh, route);

    [Fact]
    public void a_rider_on_foot_is_free_later_than_one_on_the_typical_vehicle_after_the_same_delivery()
    {
        // 1.8 km: 10 minutes at the typical 15 km/h over the road factor (192 m/min), 29 at 5 km/h (64 m/min).
        var carrying = new CarriedOrder(Ticket(North(Shop, 1800), readyInMinutes: -5), 1, PickedUp: true);
        var walker = Rider(Shop, speedKmh: 5, carrying);
        var typical = Rider(Shop, speedKmh: ProductionPlanning.ModelSpeedKmh, carrying);

        var snapshot = SnapshotBuilder.Build(Noon, [new ZoneOrder(Ticket(North(Shop, 500), 10), new HashSet<Guid>())], [walker, typical], Fair, Travel);

        var state = snapshot.Riders.ToDictionary(r => r.Id);
        state[typical.RiderId.ToString()].FreeAt.ShouldBe(snapshot.Clock + 10 + 2);
        state[walker.RiderId.ToString()].FreeAt.ShouldBe(snapshot.Clock + 29 + 2);
        state[walker.RiderId.ToString()].Speed.ShouldBe(1 / 3.0, 1e-9);
    }

    [Fact]
    public void an_order_goes_to_an_ebike_further_away_rather_than_a_walker_beside_the_shop()
    {
        var walker = Rider(North(Shop, 600), speedKmh: 5);
        var ebike = Rider(North(Shop, -2000), speedKmh: 20);
        var order = new ZoneOrder(Ticket(North(Shop, 1500), readyInMinutes: 8), new HashSet<Guid>());
        var snapshot = SnapshotBuilder.Build(Noon, [order], [walker, ebike], Fair, Travel);

        var assignment = DispatchOptimiser.Plan(snapshot, Travel, ProductionPlanning.Settings).Assignments.ShouldHaveSingleItem();

        assignment.RiderId.ShouldBe(ebike.RiderId.ToString());
        // 2 km at 256 m/min: 8 minutes to the shop, on time for the food.
        assignment.ArriveAtMerchant.ShouldBe(snapshot.Clock + 8);
    }

    [Fact]
    public void a_walker_is_not_sent_on_a_delivery_they_cannot_finish_within_the_maximum()
    {
        var travel = new TravelModel(250, 2, 2);
        var settings = new DispatchSettings();
        // 7 km from shop to door: 28 minutes at the model's pace, 84 on foot, so 10 + 1 + 84 + 1 = 96 > 90 on foot.
        var order = new PendingOrder("o", "m", new Point(0, 0), new Point(7_000, 0), PlacedAt: 0, ReadyAt: 10);
        var walker = new RiderState("walker", new Point(0, 0), 0, new Point(0, 0), 600, 2, 30, true, Speed: 1 / 3.0);
        var cyclist = new RiderState("cyclist", new Point(0, 5_000), 0, new Point(0, 5_000), 600, 2, 30, true);

        var alone = DispatchOptimiser.Plan(new DispatchSnapshot(0, [order], [walker]), travel, settings);
        alone.Assignments.ShouldBeEmpty();
        alone.Held.ShouldBe(["o"]);

        var both = DispatchOptimiser.Plan(new DispatchSnapshot(0, [order], [walker, cyclist]), travel, settings);
        both.Assignments.ShouldHaveSingleItem().RiderId.ShouldBe("cyclist");
    }
}
