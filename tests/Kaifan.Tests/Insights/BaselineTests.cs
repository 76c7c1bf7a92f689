using Kaifan.Insights.Forecasting;

namespace Kaifan.Tests.Insights;

public sealed class BaselineTests
{
    // Hour i of week w, day d, hour of day h holds 1000w + 10d + h: every value says where it came from.
    private static readonly float[] Series = Enumerable.Range(0, 5 * 168)
        .Select(i => 1000f * (i / 168) + 10 * (i / 24 % 7) + i % 24).ToArray();

    // Issued at week 4, day 2, 10:00, for 12:00 (horizon 2).
    private static readonly KnownSeries Known = new(Series, 4 * 168 + 2 * 24 + 10);

    [Fact]
    public void same_hour_yesterday_reads_the_day_before_the_target()
        => Baselines.Forecast(Method.SameHourYesterday, Known, 2).ShouldBe(4000 + 10 + 12);

    [Fact]
    public void same_hour_last_week_reads_the_target_hour_a_week_earlier()
        => Baselines.Forecast(Method.SameHourLastWeek, Known, 2).ShouldBe(3000 + 20 + 12);

    [Fact]
    public void four_week_mean_averages_the_same_hour_of_the_four_previous_weeks()
        => Baselines.Forecast(Method.FourWeekMean, Known, 2).ShouldBe((3032 + 2032 + 1032 + 32) / 4f);

    [Fact]
    public void scaled_mean_multiplies_by_the_last_day_against_its_usual_level()
    {
        // Last 24 known hours: day 1 11:00–23:00 and day 2 00:00–10:00 of week 4. Their "rest" (10d + h) sums to
        // (13×10 + 11+…+23) + (11×20 + 0+…+10) = 351 + 275 = 626; actual = 24×4000 + 626, usual = 24×1500 + 626.
        var expected = 1532f * (96000 + 626) / (36000 + 626);

        Baselines.Forecast(Method.ScaledFourWeekMean, Known, 2).ShouldBe(expected, 0.01f);
    }

    [Fact]
    public void nothing_after_the_issue_hour_can_be_read()
        => Should.Throw<InvalidOperationException>(() => Known.At(Known.Issue + 1));
}
