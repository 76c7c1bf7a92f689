using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>Orders placed per zone and UTC hour: the demand history the Insights forecaster learns from. Every placed order
/// counts (also the ones later cancelled or left unpaid): they are demand the riders would have had to carry.</summary>
internal sealed class OrderVolumeHistory(OrderingDb db) : IOrderVolumeHistory
{
    public async Task<IReadOnlyList<ZoneHourCount>> HourlyCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // Hour bucketing differs between SQLite (ticks) and PostgreSQL, so only the range filter runs in SQL.
        var placed = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= from && o.PlacedAt < to)
            .Select(o => new { o.ZoneId, o.PlacedAt })
            .ToListAsync(ct);
        return placed
            .GroupBy(o => (o.ZoneId, Hour: HourOf(o.PlacedAt)))
            .Select(g => new ZoneHourCount(g.Key.ZoneId, g.Key.Hour, g.Count()))
            .OrderBy(c => c.Hour).ThenBy(c => c.ZoneId)
            .ToList();
    }

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
