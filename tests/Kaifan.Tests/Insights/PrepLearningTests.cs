using Kaifan.Contracts.Queries;
using Kaifan.Insights.PrepTimes;

namespace Kaifan.Tests.Insights;

public sealed class PrepLearningTests
{
    /// <summary>Monday 1 Dec 2025, 12:00 in Shanghai.</summary>
    private static readonly DateTimeOffset Noon = new(2025, 12, 1, 4, 0, 0, TimeSpan.Zero);

    private static IEnumerable<PrepSample> Days(int days, DateTimeOffset at, double stated, double actual) =>
        Enumerable.Range(1, days).Select(d => new PrepSample(at.AddDays(-d), stated, actual));

    [Fact]
    public void a_shop_that_always_takes_25_minutes_though_it_says_10_is_expected_to_take_25()
    {
        var learned = LearnedPrep.From(Days(7, Noon, stated: 10, actual: 25), minSamples: 5);

        learned.Estimate(Noon, statedMinutes: 10).ShouldBe(new PrepTimeEstimate(25, PrepTimeEstimate.Learned, 7));
    }

    [Fact]
    public void each_hour_of_day_keeps_its_own_pattern()
    {
        var evening = Noon.AddHours(6);
        var learned = LearnedPrep.From(Days(7, Noon, 10, 22).Concat(Days(7, evening, 10, 12)), minSamples: 5);

        learned.Estimate(Noon.AddDays(1), 10).Minutes.ShouldBe(22);
        learned.Estimate(evening.AddDays(1), 10).Minutes.ShouldBe(12);
    }

    [Fact]
    public void a_bigger_stated_order_stays_bigger_but_is_not_charged_the_overrun_beyond_what_the_kitchen_takes()
    {
        var learned = LearnedPrep.From(Days(7, Noon, 10, 15), minSamples: 5);

        learned.Estimate(Noon, 12).Minutes.ShouldBe(15);
        learned.Estimate(Noon, 30).Minutes.ShouldBe(30);
    }

    [Fact]
    public void a_shop_that_starts_stating_what_its_kitchen_takes_is_planned_on_that_not_on_that_plus_its_old_overrun()
    {
        var learned = LearnedPrep.From(Days(5, Noon, 10, 25).Concat(Days(3, Noon.AddDays(5), 25, 25)), minSamples: 5);

        learned.Estimate(Noon, statedMinutes: 25).Minutes.ShouldBe(25);
        // What the shop is shown as its kitchen's time at noon, and offered to state: what it takes, not stated + overrun.
        learned.Hours()[LearnedPrep.HourOf(Noon)].LearnedMinutes.ShouldBe(25);
    }

    [Fact]
    public void an_hour_with_few_samples_borrows_the_all_day_median_and_too_few_overall_keep_the_stated_minutes()
    {
        // Overruns 20, 20, 20 at noon and 10, 10, 10, 10 at two: the all-day median is 10.
        var fewAtNoon = LearnedPrep.From(Days(3, Noon, 10, 30).Concat(Days(4, Noon.AddHours(2), 10, 20)), minSamples: 5);
        fewAtNoon.Estimate(Noon, 10).ShouldBe(new PrepTimeEstimate(20, PrepTimeEstimate.Learned, 7));

        var fewOverall = LearnedPrep.From(Days(4, Noon, 10, 30), minSamples: 5);
        fewOverall.Estimate(Noon, 10).ShouldBe(new PrepTimeEstimate(10, PrepTimeEstimate.Stated, 4));
    }

    [Fact]
    public void a_forgotten_ready_tap_hours_later_is_not_a_sample()
    {
        var learned = LearnedPrep.From(Days(5, Noon, 10, 12).Append(new PrepSample(Noon.AddDays(-6), 10, 600)), minSamples: 5);

        learned.Estimate(Noon, 10).ShouldBe(new PrepTimeEstimate(12, PrepTimeEstimate.Learned, 5));
    }
}
