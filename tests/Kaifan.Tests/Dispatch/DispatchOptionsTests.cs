using Kaifan.Contracts;
using Kaifan.Dispatch;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Dispatch;

public sealed class DispatchOptionsTests
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static DispatchOptions With(params (string Key, string Value)[] settings) => DispatchOptions.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void a_rider_is_silent_after_five_minutes_without_a_position_unless_configured_otherwise()
    {
        With().IsSilent(Seen, Seen.AddMinutes(5)).ShouldBeFalse();
        With().IsSilent(Seen, Seen.AddMinutes(5).AddSeconds(1)).ShouldBeTrue();
        With(("Kaifan:Dispatch:SilentRiderMinutes", "2")).IsSilent(Seen, Seen.AddMinutes(2).AddSeconds(1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void zero_or_less_turns_the_silent_rider_rule_off_rather_than_silencing_everyone(string minutes) =>
        With(("Kaifan:Dispatch:SilentRiderMinutes", minutes)).IsSilent(Seen, Seen.AddDays(1)).ShouldBeFalse();

    /// <summary>东区's centre, and a drop-off about 225 m from it (demo customer 1's dorm).</summary>
    private static readonly GeoPoint Here = new(31.0250, 121.4420);
    private static readonly GeoPoint Dorm = new(31.0268, 121.4409);

    [Fact]
    public void a_rider_carrying_food_who_stood_still_for_eight_minutes_away_from_the_door_is_stalled_unless_configured_otherwise()
    {
        With().IsStalled(Seen, Here, true, [Dorm], Seen.AddMinutes(8)).ShouldBeFalse();
        With().IsStalled(Seen, Here, true, [Dorm], Seen.AddMinutes(8).AddSeconds(1)).ShouldBeTrue();
        With(("Kaifan:Dispatch:StalledRiderMinutes", "3")).IsStalled(Seen, Here, true, [Dorm], Seen.AddMinutes(3).AddSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void a_rider_with_empty_hands_or_within_150_metres_of_a_stop_of_their_route_is_never_stalled()
    {
        var later = Seen.AddHours(1);
        With().IsStalled(Seen, Here, false, [Dorm], later).ShouldBeFalse("an idle rider, or one on the way to a shop, may wait anywhere");
        With().IsStalled(Seen, new GeoPoint(Dorm.Latitude + 0.001, Dorm.Longitude), true, [Dorm], later).ShouldBeFalse("about 110 m from the door");
        With().IsStalled(Seen, Here, true, [new GeoPoint(Here.Latitude, Here.Longitude + 0.001), Dorm], later)
            .ShouldBeFalse("at another stop of the route: a second door, or the shop of a bundle's other order");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void zero_or_less_turns_the_stalled_rider_rule_off_rather_than_stalling_everyone(string minutes) =>
        With(("Kaifan:Dispatch:StalledRiderMinutes", minutes)).IsStalled(Seen, Here, true, [Dorm], Seen.AddDays(1)).ShouldBeFalse();
}
