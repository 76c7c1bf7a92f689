using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Insights.PrepTimes;

/// <summary>One past order of a merchant: when it was accepted, the minutes the merchant said, the minutes it took.</summary>
internal sealed record PrepSample(DateTimeOffset AcceptedAt, double StatedMinutes, double ActualMinutes);

/// <summary>Hour is the hour of day in Shanghai; LearnedMinutes is null while the hour has too few samples.</summary>
internal sealed record PrepHour(int Hour, int Samples, double? StatedMinutes, double? LearnedMinutes);

/// <summary>
/// What a merchant's history says about its kitchen: per hour of day (Shanghai), the median of how much longer than
/// stated its orders took (the overrun, so an order stated at 30 min and one at 10 keep their difference). An hour
/// with too few samples borrows the merchant's all-day median; too few overall and the stated minutes stand.
/// The plan never exceeds the longer of the stated minutes and the kitchen's usual actual minutes: a shop that starts
/// stating what its kitchen really takes (the console suggests it) is not charged its old overrun on top.
/// </summary>
internal sealed class LearnedPrep
{
    /// <summary>Anything outside this is a forgotten "ready" tap or a clock glitch, not a kitchen.</summary>
    private const double MaxPlausibleMinutes = 180;

    private readonly double?[] hourly = new double?[24];
    private readonly int[] hourlySamples = new int[24];
    private readonly double[] hourlyStatedSum = new double[24];
    private readonly double?[] hourlyActual = new double?[24];
    private double? overall;
    private double? overallActual;
    private int overallSamples;

    /// <summary>China has kept UTC+8 without daylight saving since 1991, so the hour of day needs no time-zone data.</summary>
    public static int HourOf(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).Hour;

    /// <summary><paramref name="quantile"/> 0.5 is the median (least absolute error); higher promises more cautiously.</summary>
    public static LearnedPrep From(IEnumerable<PrepSample> samples, int minSamples, double quantile = 0.5)
    {
        var learned = new LearnedPrep();
        var usable = samples.Where(s => s.ActualMinutes is >= 0 and <= MaxPlausibleMinutes).ToList();
        learned.overallSamples = usable.Count;
        if (usable.Count >= minSamples)
        {
            learned.overall = Quantile(usable.Select(s => s.ActualMinutes - s.StatedMinutes), quantile);
            learned.overallActual = Quantile(usable.Select(s => s.ActualMinutes), quantile);
        }

        foreach (var hour in usable.GroupBy(s => HourOf(s.AcceptedAt)))
        {
            var overruns = hour.Select(s => s.ActualMinutes - s.StatedMinutes).ToList();
            learned.hourlySamples[hour.Key] = overruns.Count;
            learned.hourlyStatedSum[hour.Key] = hour.Sum(s => s.StatedMinutes);
            if (overruns.Count >= minSamples)
            {
                learned.hourly[hour.Key] = Quantile(overruns, quantile);
                learned.hourlyActual[hour.Key] = Quantile(hour.Select(s => s.ActualMinutes), quantile);
            }
        }

        return learned;
    }

    public PrepTimeEstimate Estimate(DateTimeOffset acceptedAt, int statedMinutes)
    {
        var hour = HourOf(acceptedAt);
        var (overrun, actual, samples) = hourly[hour] is { } atHour ? (atHour, hourlyActual[hour]!.Value, hourlySamples[hour])
            : overall is { } allDay ? (allDay, overallActual!.Value, overallSamples)
            : ((double?)null, 0d, overallSamples);
        if (overrun is not { } learned)
        {
            return new PrepTimeEstimate(statedMinutes, PrepTimeEstimate.Stated, samples);
        }

        var planned = Math.Min(statedMinutes + learned, Math.Max(statedMinutes, actual));
        return new PrepTimeEstimate(Math.Round(Math.Max(1, planned), 1), PrepTimeEstimate.Learned, samples);
    }

    /// <summary>The kitchen's usual actual minutes at the hour (all day for a thin hour), for an order nobody has stated a time for yet.</summary>
    public PrepTimeEstimate Usual(DateTimeOffset at, double assumedMinutes)
    {
        var hour = HourOf(at);
        var (actual, samples) = hourlyActual[hour] is { } atHour ? (atHour, hourlySamples[hour]) : (overallActual, overallSamples);
        return actual is { } minutes
            ? new PrepTimeEstimate(Math.Round(Math.Max(1, minutes), 1), PrepTimeEstimate.Learned, samples)
            : new PrepTimeEstimate(assumedMinutes, PrepTimeEstimate.Stated, samples);
    }

    /// <summary>
    /// Each hour of day as the shop sees it: the minutes it usually stated, and the minutes its kitchen usually took (the
    /// median) once the hour has enough samples of its own — what a shop that states its real time is planned on.
    /// </summary>
    public IReadOnlyList<PrepHour> Hours() =>
        Enumerable.Range(0, 24).Select(hour =>
        {
            var samples = hourlySamples[hour];
            double? stated = samples == 0 ? null : Math.Round(hourlyStatedSum[hour] / samples, 1);
            double? learned = hourlyActual[hour] is { } actual ? Math.Round(Math.Max(1, actual), 1) : null;
            return new PrepHour(hour, samples, stated, learned);
        }).ToList();

    /// <summary>Linear interpolation between the closest ranks; at 0.5 the usual median.</summary>
    private static double Quantile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        var rank = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
