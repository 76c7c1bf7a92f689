using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking;
using Kaifan.Tracking.Eta;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Tracking;

public sealed class EtaCalculatorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly Guid Zone = Guid.NewGuid();
    private static readonly Guid Rider = Guid.NewGuid();
    private static readonly GeoPoint Shop = new(30.0, 120.0);

    /// <summary>Points due north of the shop; one degree of latitude is about 111.19 km.</summary>
    private static GeoPoint NorthOfShop(double km) => Shop with { Latitude = Shop.Latitude + km / 111.19492664455873 };

    private static readonly GeoPoint Door = NorthOfShop(3);

    private static OrderTrackingInfo Order(
        int? prep = null, DateTimeOffset? accepted = null, DateTimeOffset? ready = null, Guid? rider = null,
        DateTimeOffset? arrived = null, DateTimeOffset? pickedUp = null, DateTimeOffset? delivered = null, DateTimeOffset? cancelled = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Zone, "x", Shop, Door, rider, prep, Noon.AddMinutes(-5), Noon.AddMinutes(-4),
            accepted, ready, rider is null ? null : Noon.AddMinutes(-1), arrived, pickedUp, delivered, cancelled);

    private static EtaCalculator Calculator(Dictionary<string, string?>? config = null) =>
        new(TrackingSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build()));

    [Fact]
    public void before_acceptance_the_default_prep_runs_while_a_rider_assumed_at_the_shop_waits()
    {
        var eta = Calculator().Estimate(Order(), rider: null, Noon);

        // 3 km × 1.3 ÷ 18 km/h = 13 min; 15 min default prep; 2 + 3 min service.
        eta.Basis!.ShouldBe(new EtaBasis(15, 0, 13, 5, 1.3, "ebike", 18, "merchant"));
        eta.MinutesLeft.ShouldBe(33);
        eta.EtaAt.ShouldBe(Noon.AddMinutes(33));
    }

    [Fact]
    public void the_merchants_prep_estimate_counts_from_acceptance()
    {
        var eta = Calculator().Estimate(Order(prep: 12, accepted: Noon.AddMinutes(-4)), null, Noon);

        eta.Basis!.PrepRemaining.ShouldBe(8);
        eta.MinutesLeft.ShouldBe(8 + 5 + 13);
    }

    [Fact]
    public void a_late_kitchen_counts_no_negative_prep_and_a_ready_order_none()
    {
        Calculator().Estimate(Order(prep: 10, accepted: Noon.AddMinutes(-30)), null, Noon).Basis!.PrepRemaining.ShouldBe(0);
        Calculator().Estimate(Order(prep: 10, accepted: Noon.AddMinutes(-1), ready: Noon), null, Noon).Basis!.PrepRemaining.ShouldBe(0);
    }

    [Fact]
    public void a_far_rider_sets_the_pace_when_its_ride_to_the_shop_outlasts_the_kitchen()
    {
        // 6 km away on a bicycle: 6 × 1.3 ÷ 12 = 39 min to the shop; the kitchen needs 8 more minutes.
        var rider = new RiderLocation(Rider, NorthOfShop(-6), Noon, "bicycle", 0);
        var eta = Calculator().Estimate(Order(prep: 12, accepted: Noon.AddMinutes(-4), rider: Rider), rider, Noon);

        eta.Basis!.ShouldBe(new EtaBasis(8, 39, 19.5, 5, 1.3, "bicycle", 12, "rider"));
        eta.MinutesLeft.ShouldBe(39 + 2 + 19.5 + 3 is var total ? (int)Math.Ceiling(total) : 0);
    }

    [Fact]
    public void after_pickup_only_the_ride_from_the_riders_position_and_the_drop_off_remain()
    {
        var rider = new RiderLocation(Rider, NorthOfShop(1), Noon, "scooter", 0);
        var eta = Calculator().Estimate(Order(prep: 12, accepted: Noon.AddMinutes(-20), ready: Noon.AddMinutes(-8), rider: Rider, arrived: Noon.AddMinutes(-6), pickedUp: Noon.AddMinutes(-4)), rider, Noon);

        // 2 km left × 1.3 ÷ 25 km/h = 6.24 min, plus 3 min to hand over.
        eta.Basis!.ShouldBe(new EtaBasis(0, 0, 6.2, 3, 1.3, "scooter", 25, "rider"));
        eta.MinutesLeft.ShouldBe(10);
    }

    [Fact]
    public void a_riders_own_speed_wins_over_the_vehicle_default_and_another_riders_position_is_ignored()
    {
        var own = new RiderLocation(Rider, Shop, Noon, "ebike", 24);
        Calculator().Estimate(Order(ready: Noon, rider: Rider), own, Noon).Basis!.SpeedKmh.ShouldBe(24);

        var stranger = new RiderLocation(Guid.NewGuid(), NorthOfShop(-50), Noon, "foot", 0);
        var eta = Calculator().Estimate(Order(ready: Noon, rider: Rider), stranger, Noon);
        (eta.Basis!.RiderFrom, eta.Basis.TravelToMerchant).ShouldBe(("merchant", 0));
    }

    [Fact]
    public void road_factor_speeds_and_service_times_come_from_configuration_and_a_zone_may_override_them()
    {
        var calculator = Calculator(new()
        {
            ["Kaifan:Tracking:RoadFactor"] = "1.5",
            ["Kaifan:Tracking:SpeedsKmh:ebike"] = "15",
            ["Kaifan:Tracking:PickupServiceMinutes"] = "1",
            ["Kaifan:Tracking:DropOffServiceMinutes"] = "4",
            [$"Kaifan:Tracking:Zones:{Zone}:RoadFactor"] = "1.2",
        });

        var eta = calculator.Estimate(Order(ready: Noon), null, Noon);

        // 3 km × 1.2 ÷ 15 km/h = 14.4 min.
        eta.Basis!.ShouldBe(new EtaBasis(0, 0, 14.4, 5, 1.2, "ebike", 15, "merchant"));
        var elsewhere = calculator.Estimate(Order(ready: Noon) with { ZoneId = Guid.NewGuid() }, null, Noon);
        elsewhere.Basis!.RoadFactor.ShouldBe(1.5);
        calculator.Estimate(Order(ready: Noon), new RiderLocation(Guid.Empty, Shop, Noon, "foot", 0), Noon).Basis!.SpeedKmh.ShouldBe(15);
    }

    [Fact]
    public void a_delivered_or_cancelled_order_has_nothing_left_to_estimate()
    {
        var delivered = Calculator().Estimate(Order(rider: Rider, pickedUp: Noon.AddMinutes(-9), delivered: Noon.AddMinutes(-1)), null, Noon);
        (delivered.EtaAt, delivered.MinutesLeft, delivered.Basis).ShouldBe((null, 0, null));
        Calculator().Estimate(Order(cancelled: Noon), null, Noon).EtaAt.ShouldBeNull();
    }
}
