using Kaifan.Insights.OnTime;

namespace Kaifan.Tests.Insights;

/// <summary>
/// Hand-made timelines, one per cause. The plan of each: accepted at 12:00, 10 min prep, rider already at the shop,
/// 2 min to pick up, a 10 min ride and 3 min at the door: promised 12:25.
/// </summary>
public sealed class LateCauseTests
{
    private static readonly DateTimeOffset Accepted = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private const double Tolerance = 2;

    private static TimelineFacts Timeline(double ready, double pickedUp, double delivered, double? atDoor = null) =>
        new(Accepted, At(ready), At(pickedUp), atDoor is { } door ? At(door) : null, At(delivered),
            PrepMinutes: 10, ToMerchantMinutes: 0, PickupServiceMinutes: 2, TravelMinutes: 10, DropOffServiceMinutes: 3);

    private static DateTimeOffset At(double minutes) => Accepted.AddMinutes(minutes);

    [Fact]
    public void a_kitchen_that_took_25_minutes_instead_of_10_is_blamed_on_prep()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 25, pickedUp: 27, delivered: 40), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Prep);
        attribution.PrepOverrun.ShouldBe(15);
        attribution.RiderOverrun.ShouldBe(0);
        attribution.TravelOverrun.ShouldBe(0);
    }

    [Fact]
    public void food_ready_on_time_but_picked_up_12_minutes_later_is_blamed_on_waiting_for_a_rider()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 10, pickedUp: 24, delivered: 37), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Rider);
        attribution.RiderOverrun.ShouldBe(12);
        attribution.PrepOverrun.ShouldBe(0);
    }

    [Fact]
    public void a_ride_of_25_minutes_planned_at_10_is_blamed_on_travel()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 10, pickedUp: 12, delivered: 40, atDoor: 37), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Travel);
        attribution.TravelOverrun.ShouldBe(15);
        attribution.DoorOverrun.ShouldBe(0);
    }

    [Fact]
    public void a_rider_at_the_door_on_time_who_hands_over_13_minutes_later_is_blamed_on_the_door()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 10, pickedUp: 12, delivered: 38, atDoor: 22), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Door);
        attribution.DoorOverrun.ShouldBe(13);
        attribution.TravelOverrun.ShouldBe(0);
    }

    [Fact]
    public void without_an_arrival_at_the_door_the_whole_last_leg_counts_as_travel()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 10, pickedUp: 12, delivered: 38), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Travel);
        attribution.TravelOverrun.ShouldBe(13);
        attribution.DoorOverrun.ShouldBe(0);
    }

    [Fact]
    public void when_several_stages_overran_the_largest_overrun_in_minutes_is_the_cause()
    {
        // Prep 6 min over, then the rider came 9 min after the food was ready.
        var attribution = LateCauses.Attribute(Timeline(ready: 16, pickedUp: 27, delivered: 40), Tolerance);

        attribution.PrepOverrun.ShouldBe(6);
        attribution.RiderOverrun.ShouldBe(9);
        attribution.Cause.ShouldBe(LateCause.Rider);
    }

    [Fact]
    public void a_tie_goes_to_the_earlier_stage_because_it_delayed_everything_after_it()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 15, pickedUp: 22, delivered: 35), Tolerance);

        attribution.PrepOverrun.ShouldBe(5);
        attribution.RiderOverrun.ShouldBe(5);
        attribution.Cause.ShouldBe(LateCause.Prep);
    }

    [Fact]
    public void overruns_within_the_tolerance_blame_nobody()
    {
        var attribution = LateCauses.Attribute(Timeline(ready: 11, pickedUp: 14, delivered: 28), Tolerance);

        attribution.Cause.ShouldBe(LateCause.Unknown);
    }

    [Fact]
    public void a_rider_planned_to_arrive_after_the_food_is_not_blamed_for_the_planned_wait()
    {
        // The promise planned 15 min for the rider to reach the shop; the food waited for that, as planned.
        var facts = Timeline(ready: 10, pickedUp: 17, delivered: 31) with { ToMerchantMinutes = 15 };

        LateCauses.Attribute(facts, Tolerance).RiderOverrun.ShouldBe(0);
    }
}
