using Kaifan.Contracts.Queries;
using Kaifan.Insights.Forecasting;

namespace Kaifan.Insights.Planning;

/// <summary>Turns the platform's sparse per-zone hourly counts into a <see cref="DemandHistory"/> on a gap-free UTC hour grid
/// (an hour without orders is a zero). Zone i of the result is <paramref name="zoneOrder"/>[i], so a model trained on one
/// history reads another the same way as long as the order starts with the trained zones.</summary>
internal static class ZoneHistory
{
    public static DemandHistory Build(IReadOnlyList<ZoneHourCount> counts, IReadOnlyList<Guid> zoneOrder, DateTimeOffset firstHour, int hours)
    {
        var index = zoneOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var series = zoneOrder.Select(_ => new float[Math.Max(0, hours)]).ToArray();
        foreach (var c in counts)
        {
            var hour = (int)Math.Round((c.Hour - firstHour).TotalHours);
            if (hour < 0 || hour >= hours || !index.TryGetValue(c.ZoneId, out var zone)) continue;
            series[zone][hour] += c.Count;
        }
        return new DemandHistory(firstHour.UtcDateTime, Enumerable.Range(0, zoneOrder.Count).ToArray(), series);
    }

    public static DateTimeOffset HourStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
