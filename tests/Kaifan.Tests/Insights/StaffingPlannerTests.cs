using Kaifan.Insights.Planning;

namespace Kaifan.Tests.Insights;

public sealed class StaffingPlannerTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.4, 1)]
    [InlineData(6.0, 2)]
    [InlineData(6.1, 3)]
    [InlineData(-2.0, 0)]
    public void riders_needed_are_the_forecast_divided_by_what_one_rider_delivers_rounded_up(double forecast, int needed) =>
        StaffingPlanner.Suggest(new ZoneOutlook(A, forecast, Online: 1, Idle: 1), ordersPerRiderHour: 3).RidersNeeded.ShouldBe(needed);

    [Fact]
    public void the_gap_is_riders_needed_minus_riders_online()
    {
        var s = StaffingPlanner.Suggest(new ZoneOutlook(A, 12, Online: 2, Idle: 1), ordersPerRiderHour: 3);
        (s.RidersNeeded, s.Online, s.Idle, s.Gap).ShouldBe((4, 2, 1, 2));
    }

    [Fact]
    public void idle_riders_move_from_zones_with_spare_riders_to_the_zone_shortest_of_them()
    {
        var zones = new[]
        {
            new StaffingSuggestion(A, RidersNeeded: 1, Online: 5, Idle: 4, Gap: -4), // 4 spare and idle
            new StaffingSuggestion(B, RidersNeeded: 6, Online: 3, Idle: 0, Gap: 3),  // 3 short
            new StaffingSuggestion(C, RidersNeeded: 3, Online: 1, Idle: 1, Gap: 2),  // 2 short
        };
        StaffingPlanner.PrePosition(zones).ShouldBe([new RiderMove(A, B, 3), new RiderMove(A, C, 1)]);
    }

    [Fact]
    public void a_zone_keeps_riders_it_needs_and_busy_riders_never_move()
    {
        var zones = new[]
        {
            new StaffingSuggestion(A, RidersNeeded: 2, Online: 5, Idle: 1, Gap: -3), // 3 spare but only 1 idle
            new StaffingSuggestion(B, RidersNeeded: 3, Online: 3, Idle: 3, Gap: 0),  // balanced: gives nothing
            new StaffingSuggestion(C, RidersNeeded: 4, Online: 0, Idle: 0, Gap: 4),
        };
        StaffingPlanner.PrePosition(zones).ShouldBe([new RiderMove(A, C, 1)]);
    }

    [Fact]
    public void no_moves_when_no_zone_runs_short() =>
        StaffingPlanner.PrePosition([new StaffingSuggestion(A, 0, 2, 2, -2), new StaffingSuggestion(B, 1, 1, 0, 0)]).ShouldBeEmpty();
}
