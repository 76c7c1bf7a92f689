using System.Globalization;
using System.Text;

namespace Kaifan.Tests.Insights;

/// <summary>A station's past orders as the history import takes them (zone,hour,orders on the Beijing clock).</summary>
internal static class DemandCsv
{
    /// <summary>Start of the last complete hour before <paramref name="now"/> (UTC).</summary>
    public static DateTimeOffset LastCompleteHour(DateTimeOffset now) =>
        new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);

    public static string Local(DateTimeOffset hour) => hour.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The <paramref name="days"/> days of hours up to <paramref name="last"/>: a lunch and a dinner peak, and every
    /// second day half as busy again. A seasonal base alone misses the alternation; the model's lag features see it.</summary>
    public static string Days(DateTimeOffset last, int days, string zone, double scale = 1, int seed = 5)
    {
        var random = new Random(seed);
        var csv = new StringBuilder();
        for (var hour = last.AddDays(-days).AddHours(1); hour <= last; hour = hour.AddHours(1))
        {
            var local = hour.ToOffset(TimeSpan.FromHours(8)).Hour;
            var mean = (local is 11 or 12 ? 30 : local is 17 or 18 ? 25 : local is >= 8 and <= 22 ? 8 : 1) * ((hour - last).Days % 2 == 0 ? 1.5 : 1.0);
            csv.Append(CultureInfo.InvariantCulture, $"{zone},{Local(hour)},{(int)Math.Round(scale * mean * (0.9 + 0.2 * random.NextDouble()))}\n");
        }
        return csv.ToString();
    }
}
