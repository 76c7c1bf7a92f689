using Kaifan.Insights.Forecasting;

namespace Kaifan.Tests.Insights;

public sealed class ForecastLeakageTests
{
    private static DemandHistory Synthetic(int days)
    {
        var random = new Random(42);
        var zones = new[] { 3, 5, 8, 13 };
        var counts = zones.Select(z => Enumerable.Range(0, days * 24).Select(i =>
        {
            var daily = 1 + Math.Sin((i % 24 - 6) * Math.PI / 12);
            var weekend = i / 24 % 7 >= 5 ? 0.7 : 1.0;
            return (float)Math.Round(z * 5 * daily * weekend * (0.8 + 0.4 * random.NextDouble()));
        }).ToArray()).ToArray();
        return new DemandHistory(new DateTime(2017, 1, 2), zones, counts);
    }

    [Fact]
    public void forecasts_issued_before_a_cut_are_the_same_with_or_without_the_data_after_it()
    {
        var full = Synthetic(days: 40);
        var from = full.TimeOf(37 * 24);
        var to = full.TimeOf(40 * 24);
        var cut = 38 * 24 + 13; // mid-day: the model of that day is kept, only later hours go

        var withAll = new RollingOrigin(full, ModelOptions.Tiny).Run(from, to);
        var truncated = new RollingOrigin(full.TruncatedAfter(cut), ModelOptions.Tiny).Run(from, to);

        var before = withAll.Where(r => r.Target - r.Horizon <= cut).ToList();
        var after = truncated.Where(r => r.Target - r.Horizon <= cut).ToList();
        before.Count.ShouldBe(4 * (39 + 40)); // 4 zones; issues 887–925 at h=1, 886–925 at h=2
        after.Count.ShouldBe(before.Count);
        truncated.ShouldAllBe(r => r.Target - r.Horizon <= cut);
        for (var i = 0; i < before.Count; i++)
        {
            (after[i].Zone, after[i].Target, after[i].Horizon).ShouldBe((before[i].Zone, before[i].Target, before[i].Horizon));
            after[i].Predicted.ShouldBe(before[i].Predicted);
        }
        // The model, not a fallback, made them.
        before.ShouldContain(r => r.Predicted[(int)Method.Model] != r.Predicted[(int)Method.ScaledFourWeekMean]);
    }
}
