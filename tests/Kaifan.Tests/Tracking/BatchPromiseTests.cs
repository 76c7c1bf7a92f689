using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.OnTime;
using Kaifan.Tracking;
using Kaifan.Tracking.Eta;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Tracking;

/// <summary>
/// 校园批次: a batch order rides with its line's run, so its ETA and promise start the ride no earlier than the run's
/// departure, and on-time monitoring judges it against that. Shop and door 3 km apart on an e-bike: a 13 min ride,
/// 2 min to pick up and 3 at the door.
/// </summary>
public sealed class BatchPromiseTests
{
    /// <summary>12:00 in Shanghai.</summary>
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Shop = new(30.0, 120.0);
    private static readonly GeoPoint Door = Shop with { Latitude = Shop.Latitude + 3 / 111.19492664455873 };
    private static readonly DateTimeOffset Departure = Noon.AddMinutes(40);

    private static readonly EtaCalculator Calculator = new(TrackingSettings.FromConfiguration(new ConfigurationBuilder().Build()));

    private static readonly BatchLineInfo Line = new(Guid.NewGuid(), Guid.NewGuid(), "东区宿舍楼群", Door, 100, ["11:00", "12:40", "13:30"]);

    private static OrderTrackingInfo Order(string tier) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Accepted", Shop, Door, null, 10, Noon.AddMinutes(-2), Noon.AddMinutes(-1),
            Noon, null, null, null, null, null, null, ServiceTier: tier);

    private static DeliveryPromised Promise(string tier, DateTimeOffset? departure)
    {
        var order = Order(tier);
        return Calculator.Promise(order, new OrderAccepted(order.OrderId, order.MerchantId, order.ZoneId, 10, Noon), new PrepTimeEstimate(10, PrepTimeEstimate.Stated, 0), departure);
    }

    [Fact]
    public void an_order_takes_the_first_run_at_or_after_it_is_ready_and_after_the_last_run_tomorrows_first()
    {
        Line.DepartureFor(Noon.AddMinutes(10)).ShouldBe(Departure);
        Line.DepartureFor(Departure).ShouldBe(Departure);
        Line.DepartureFor(Departure.AddSeconds(1)).ShouldBe(Noon.AddMinutes(90));
        Line.DepartureFor(Noon.AddHours(2)).ShouldBe(Noon.AddHours(23));
    }

    [Fact]
    public void a_batch_order_accepted_long_before_its_run_is_promised_after_the_run_leaves_and_a_normal_order_as_before()
    {
        var batch = Promise(ServiceTiers.Batch, Departure);
        batch.PromisedAt.ShouldBe(Departure.AddMinutes(2 + 13 + 3));
        batch.ToMerchantMinutes.ShouldBe(40, "the rider is due at the shop when the run leaves");

        var normal = Promise(ServiceTiers.Standard, null);
        normal.PromisedAt.ShouldBe(Noon.AddMinutes(10 + 2 + 13 + 3));
        normal.ToMerchantMinutes.ShouldBe(0);
    }

    [Fact]
    public void the_live_eta_waits_for_the_run_until_pickup()
    {
        var order = Order(ServiceTiers.Batch) with { ReadyAt = Noon.AddMinutes(10) };

        var waiting = Calculator.Estimate(order, rider: null, Noon.AddMinutes(15), batchDeparture: Departure);
        waiting.EtaAt.ShouldBe(Departure.AddMinutes(2 + 13 + 3));
        waiting.Basis!.BatchDeparture.ShouldBe(Departure);

        var onTheWay = Calculator.Estimate(order with { PickedUpAt = Departure.AddMinutes(2) }, rider: null, Departure.AddMinutes(2), batchDeparture: Departure);
        onTheWay.Basis!.BatchDeparture.ShouldBeNull();
    }

    [Fact]
    public void a_batch_order_delivered_on_its_run_is_on_time_and_a_slow_ride_after_the_run_is_not_blamed_on_waiting_for_a_rider()
    {
        var settings = new OnTimeSettings();

        // Ready at 12:10, picked up as the 12:40 run leaves, delivered 12:58.
        var onItsRun = Delivered(Promise(ServiceTiers.Batch, Departure), pickedUp: 42, delivered: 58);
        onItsRun.Assess(settings);
        onItsRun.OnTime.ShouldBe(true);

        var slowRide = Delivered(Promise(ServiceTiers.Batch, Departure), pickedUp: 42, delivered: 68);
        slowRide.Assess(settings);
        slowRide.OnTime.ShouldBe(false);
        slowRide.Cause.ShouldBe(LateCause.Travel);
    }

    private static OrderTimeline Delivered(DeliveryPromised promise, double pickedUp, double delivered) => new()
    {
        OrderId = promise.OrderId,
        ServiceTier = ServiceTiers.Batch,
        AcceptedAt = Noon,
        StatedPrepMinutes = 10,
        ReadyAt = Noon.AddMinutes(10),
        PickedUpAt = Noon.AddMinutes(pickedUp),
        DeliveredAt = Noon.AddMinutes(delivered),
        PromisedAt = promise.PromisedAt,
        PromisedPrepMinutes = promise.PrepMinutes,
        PromisedToMerchantMinutes = promise.ToMerchantMinutes,
        PromisedPickupServiceMinutes = promise.PickupServiceMinutes,
        PromisedTravelMinutes = promise.TravelMinutes,
        PromisedDropOffServiceMinutes = promise.DropOffServiceMinutes,
    };
}
