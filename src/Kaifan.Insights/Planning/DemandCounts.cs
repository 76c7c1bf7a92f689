using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Planning;

/// <summary>The demand the forecaster learns from and the console charts: the platform's own orders per zone and UTC hour
/// (Ordering) plus the hours imported from before it (<see cref="ImportedVolume"/>). Where both have an hour they add up.</summary>
internal sealed class DemandCounts(IOrderVolumeHistory orders, InsightsDb db)
{
    public async Task<IReadOnlyList<ZoneHourCount>> HourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var own = await orders.HourlyCountsAsync(from, to, ct);
        var imported = await db.ImportedVolumes.AsNoTracking()
            .Where(v => v.Hour >= from && v.Hour < to)
            .Select(v => new ZoneHourCount(v.ZoneId, v.Hour, v.Orders))
            .ToListAsync(ct);
        if (imported.Count == 0) return own;
        return own.Concat(imported)
            .GroupBy(c => (c.ZoneId, c.Hour))
            .Select(g => new ZoneHourCount(g.Key.ZoneId, g.Key.Hour, g.Sum(c => c.Count)))
            .OrderBy(c => c.Hour).ThenBy(c => c.ZoneId)
            .ToList();
    }
}
