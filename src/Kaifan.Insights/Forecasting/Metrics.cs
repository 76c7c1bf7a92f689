namespace Kaifan.Insights.Forecasting;

/// <summary>Error of forecasts against actual counts.
/// WAPE = Σ|f−y| / Σy. MASE = Σ|f−y| / Σ|y(T−168)−y| over the same hours, i.e. the mean absolute error relative to
/// the same-hour-last-week forecast (which scores 1). Bias = Σ(f−y) / Σy (positive = over-forecast). MAPE = mean |f−y|/y
/// over the hours with y ≥ 10 only, since tiny counts make percentages meaningless.</summary>
internal sealed record ForecastMetrics(int Hours, double Actual, double Wape, double Mase, double Bias, double Mape)
{
    public const float MapeFloor = 10;

    public static ForecastMetrics Compute(IEnumerable<(float Actual, float Predicted, float LastWeek)> points)
    {
        double absError = 0, error = 0, actual = 0, naiveAbsError = 0, apeSum = 0;
        int n = 0, apeCount = 0;
        foreach (var (y, f, naive) in points)
        {
            n++;
            actual += y;
            absError += Math.Abs(f - y);
            error += f - y;
            naiveAbsError += Math.Abs(naive - y);
            if (y >= MapeFloor)
            {
                apeSum += Math.Abs(f - y) / y;
                apeCount++;
            }
        }
        return new ForecastMetrics(n, actual,
            actual > 0 ? absError / actual : double.NaN,
            naiveAbsError > 0 ? absError / naiveAbsError : double.NaN,
            actual > 0 ? error / actual : double.NaN,
            apeCount > 0 ? apeSum / apeCount : double.NaN);
    }
}

internal enum DemandBand { Low, Mid, High }

internal static class DemandBands
{
    public const float LowBelow = 25, HighFrom = 150;

    public static DemandBand Of(float meanHourly) => meanHourly < LowBelow ? DemandBand.Low : meanHourly < HighFrom ? DemandBand.Mid : DemandBand.High;

    public static string Label(DemandBand band) => band switch
    {
        DemandBand.Low => $"low (<{LowBelow}/h)",
        DemandBand.Mid => $"mid ({LowBelow}–{HighFrom}/h)",
        _ => $"high (≥{HighFrom}/h)",
    };

    /// <summary>Each zone's band from its mean over the 28 days before <paramref name="before"/>: fixed before the
    /// evaluation starts, so a band never depends on the hours being scored.</summary>
    public static DemandBand[] ForZones(DemandHistory history, int before)
    {
        var from = Math.Max(0, before - 28 * 24);
        return history.Counts.Select(c =>
        {
            var known = new KnownSeries(c, before - 1);
            var mean = known.Mean(from, before - 1);
            return Of(float.IsNaN(mean) ? 0 : mean);
        }).ToArray();
    }
}
