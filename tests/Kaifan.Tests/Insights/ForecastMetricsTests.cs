using Kaifan.Insights.Forecasting;

namespace Kaifan.Tests.Insights;

public sealed class ForecastMetricsTests
{
    [Fact]
    public void wape_mase_bias_and_mape_match_the_hand_worked_numbers()
    {
        // actual, forecast, same hour last week
        (float, float, float)[] points = [(10, 12, 8), (20, 15, 25), (0, 1, 2), (30, 30, 20)];

        var m = ForecastMetrics.Compute(points);

        m.Hours.ShouldBe(4);
        m.Wape.ShouldBe(8.0 / 60, 1e-9);            // |2|+|−5|+|1|+|0| over 10+20+0+30
        m.Bias.ShouldBe(-2.0 / 60, 1e-9);           // 2−5+1+0 over 60: slightly under-forecast
        m.Mase.ShouldBe(8.0 / 19, 1e-9);            // naive errors 2+5+2+10
        m.Mape.ShouldBe((0.2 + 0.25 + 0) / 3, 1e-9); // the hour with 0 orders is below the 10-order floor
    }

    [Fact]
    public void the_harness_scores_same_hour_last_week_against_itself_as_mase_one_and_its_errors_as_wape()
    {
        // One zone, three weeks: week 0 all 10, week 1 all 20, week 2 all 20 except hour 3 of day 0 which is 30.
        var counts = Enumerable.Range(0, 3 * 168).Select(i => i < 168 ? 10f : 20f).ToArray();
        counts[2 * 168 + 3] = 30;
        var history = new DemandHistory(new DateTime(2017, 1, 2), [7], [counts]);

        var records = new RollingOrigin(history, ModelOptions.Tiny, maxHorizon: 1) { WithModel = false }
            .Run(history.TimeOf(2 * 168), history.TimeOf(2 * 168 + 24));
        var lastWeek = ForecastMetrics.Compute(records.Select(r =>
            (r.Actual, r.Predicted[(int)Method.SameHourLastWeek], r.Predicted[(int)Method.SameHourLastWeek])));
        var yesterday = ForecastMetrics.Compute(records.Select(r =>
            (r.Actual, r.Predicted[(int)Method.SameHourYesterday], r.Predicted[(int)Method.SameHourLastWeek])));

        records.Count.ShouldBe(24);
        // Last week forecasts 20 every hour: off by 10 once, out of 23×20 + 30 = 490 orders.
        lastWeek.Wape.ShouldBe(10.0 / 490, 1e-6);
        lastWeek.Mase.ShouldBe(1, 1e-9);
        lastWeek.Bias.ShouldBe(-10.0 / 490, 1e-6);
        // Yesterday (day 6 of week 1) was 20 everywhere too: same errors.
        yesterday.Wape.ShouldBe(10.0 / 490, 1e-6);
        yesterday.Mape.ShouldBe(10.0 / 30 / 24, 1e-6);
    }
}
