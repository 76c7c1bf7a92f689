using Kaifan.Catalog.Model;

namespace Kaifan.Tests.Catalog;

public sealed class OpeningHoursTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void a_slot_that_closes_before_it_opens_runs_past_midnight_into_the_next_day()
    {
        var night = new OpeningSlot { Day = DayOfWeek.Sunday, Open = new(17, 0), Close = new(2, 0) };

        OpeningHours.Covers(night, new DateTime(2026, 11, 29, 23, 0, 0)).ShouldBeTrue();  // Sunday 23:00
        OpeningHours.Covers(night, new DateTime(2026, 11, 30, 1, 59, 0)).ShouldBeTrue();  // Monday 01:59
        OpeningHours.Covers(night, new DateTime(2026, 11, 30, 2, 0, 0)).ShouldBeFalse();  // Monday 02:00
        OpeningHours.Covers(night, new DateTime(2026, 11, 29, 16, 59, 0)).ShouldBeFalse(); // Sunday 16:59
    }

    [Fact]
    public void slots_overlap_within_a_day_and_across_the_sunday_to_monday_midnight_but_not_when_they_only_touch()
    {
        OpeningHours.Overlap(DayOfWeek.Monday, Nine, new(14, 0), DayOfWeek.Monday, new(13, 0), new(21, 0)).ShouldBeTrue();
        OpeningHours.Overlap(DayOfWeek.Monday, Nine, new(14, 0), DayOfWeek.Monday, new(14, 0), new(21, 0)).ShouldBeFalse();
        OpeningHours.Overlap(DayOfWeek.Sunday, new(22, 0), new(3, 0), DayOfWeek.Monday, new(2, 0), new(10, 0)).ShouldBeTrue();
        OpeningHours.Overlap(DayOfWeek.Monday, Nine, new(22, 0), DayOfWeek.Tuesday, Nine, new(22, 0)).ShouldBeFalse();
    }

    [Fact]
    public void a_closed_shop_tells_when_it_opens_next_and_a_paused_one_does_not()
    {
        var slots = new[] { new OpeningSlot { Day = DayOfWeek.Tuesday, Open = Nine, Close = new(21, 0) } };
        var wednesdayNoon = new DateTime(2026, 12, 2, 12, 0, 0);

        OpeningHours.NextOpensAt(paused: false, slots, wednesdayNoon).ShouldBe("09:00");
        OpeningHours.NextOpensAt(paused: true, slots, wednesdayNoon).ShouldBeNull();
        OpeningHours.IsOpen(paused: false, slots, wednesdayNoon.AddDays(-1)).ShouldBeTrue();
        OpeningHours.IsOpen(paused: true, slots, wednesdayNoon.AddDays(-1)).ShouldBeFalse();
    }
}
