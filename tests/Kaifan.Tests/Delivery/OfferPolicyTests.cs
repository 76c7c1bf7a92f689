using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Tests.Delivery;

public sealed class OfferPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Shop = new(31.0250, 121.4420);
    private static readonly GeoPoint OtherShop = new(31.0300, 121.4420);
    private static readonly Guid ShopId = Guid.NewGuid();
    private static readonly Guid OtherShopId = Guid.NewGuid();

    private static PolicyJob Job(int minutes = 10, bool stairs = false, Guid? merchant = null, params Guid[] refusedBy) =>
        new(Guid.NewGuid(), merchant ?? ShopId, merchant == OtherShopId ? OtherShop : Shop, new GeoPoint(31.0270, 121.4440), Noon.AddMinutes(minutes), stairs, refusedBy.ToHashSet());

    private static PolicyRider Rider(double metresNorth, int spare = 3, double speed = 20, bool stairs = true, double rangeKm = 30) =>
        new(Guid.NewGuid(), new GeoPoint(Shop.Latitude + metresNorth / 111_000, Shop.Longitude), speed, spare, rangeKm, stairs);

    private static IReadOnlyList<OfferDecision> Decide(IReadOnlyList<PolicyJob> jobs, params PolicyRider[] riders) =>
        OfferPolicy.Decide(new PolicySnapshot(Noon, jobs, riders, 1.3, TimeSpan.FromMinutes(5)));

    [Fact]
    public void the_rider_fewest_minutes_away_gets_the_order_not_the_one_fewest_metres_away()
    {
        var walker = Rider(300, speed: 5);
        var scooter = Rider(800, speed: 25);
        var offer = Decide([Job()], walker, scooter).ShouldHaveSingleItem();
        offer.RiderId.ShouldBe(scooter.RiderId);
    }

    [Fact]
    public void orders_of_one_merchant_ready_within_the_window_are_bundled_and_later_ones_are_not()
    {
        var a = Job(10);
        var b = Job(13);
        var late = Job(30);
        var rider = Rider(100, spare: 5);
        var offer = Decide([late, b, a], rider).ShouldHaveSingleItem();
        offer.OrderIds.ShouldBe([a.OrderId, b.OrderId]);
    }

    [Fact]
    public void orders_of_different_merchants_are_never_bundled()
    {
        var mine = Job(10);
        var theirs = Job(10, merchant: OtherShopId);
        var offers = Decide([mine, theirs], Rider(100, spare: 5), Rider(600, spare: 5));
        offers.Count.ShouldBe(2);
        offers.ShouldAllBe(o => o.OrderIds.Count == 1);
    }

    [Fact]
    public void a_bundle_larger_than_a_riders_spare_capacity_is_split_between_riders()
    {
        var jobs = Enumerable.Range(0, 5).Select(i => Job(10 + i % 2)).ToList();
        var near = Rider(100, spare: 3);
        var far = Rider(900, spare: 4);
        var offers = Decide(jobs, near, far);
        offers.Single(o => o.RiderId == near.RiderId).OrderIds.Count.ShouldBe(3);
        offers.Single(o => o.RiderId == far.RiderId).OrderIds.Count.ShouldBe(2);
        offers.SelectMany(o => o.OrderIds).ShouldBe(jobs.Select(j => j.OrderId), ignoreOrder: true);
    }

    [Fact]
    public void stairs_go_only_to_riders_who_accept_stairs()
    {
        var noStairs = Rider(50, stairs: false);
        var climber = Rider(1500);
        var offer = Decide([Job(stairs: true)], noStairs, climber).ShouldHaveSingleItem();
        offer.RiderId.ShouldBe(climber.RiderId);
    }

    [Fact]
    public void a_full_rider_and_a_rider_whose_battery_cannot_make_the_trip_get_nothing()
    {
        var full = Rider(50, spare: 0);
        var flat = Rider(60, rangeKm: 0.3);
        Decide([Job()], full, flat).ShouldBeEmpty();
    }

    [Fact]
    public void an_order_never_goes_back_to_a_rider_who_refused_it()
    {
        var near = Rider(50);
        var far = Rider(2000);
        var offer = Decide([Job(refusedBy: near.RiderId)], near, far).ShouldHaveSingleItem();
        offer.RiderId.ShouldBe(far.RiderId);
        Decide([Job(refusedBy: near.RiderId)], near).ShouldBeEmpty();
    }

    [Fact]
    public void a_rider_gets_at_most_one_offer_per_round()
    {
        var rider = Rider(50, spare: 5);
        var offer = Decide([Job(10), Job(10, merchant: OtherShopId)], rider).ShouldHaveSingleItem();
        offer.OrderIds.Count.ShouldBe(1);
    }
}
