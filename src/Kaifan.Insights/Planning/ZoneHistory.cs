using Kaifan.Contracts.Queries;
using Kaifan.Insights.Forecasting;

namespace Kaifan.Insights.Planning;

/// <summary>Turns the platform's sparse per-zone hourly counts into a <see cref="DemandHistory"/> on a gap-free UTC hour grid
/// (an hour without orders is a zero; hours before <c>firstKnown</c>, when the platform had no orders yet, are unknown, so
/// a young platform is not taken for one with weeks of empty hours). Zone i of the result is <paramref name="zoneOrder"/>[i], so a model trained on one
/// history reads another the same way as long as the order starts with the trained zones.</summary>
internal static class ZoneHistory
{
    public static DemandHistory Build(IReadOnlyList<ZoneHourCount> counts, IReadOnlyList<Guid> zoneOrder, DateTimeOffset firstHour, int hours,
        DateTimeOffset? firstKnown = null)
    {
        var index = zoneOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var unknownBefore = firstKnown is { } known ? Math.Clamp((int)Math.Round((known - firstHour).TotalHours), 0, Math.Max(0, hours)) : 0;
        var series = zoneOrder.Select(_ =>
        {
            var s = new float[Math.Max(0, hours)];
            Array.Fill(s, float.NaN, 0, unknownBefore);
            return s;
        }).ToArray();
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
