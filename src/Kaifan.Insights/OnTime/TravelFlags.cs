using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights.OnTime;

/// <summary>
/// Zones whose late orders are mostly slow rides: routing or road trouble rather than kitchens or rider supply.
/// Dispatch reads them through <see cref="IZoneTravelFlags"/>; the ops console shows them on the on-time report.
/// </summary>
internal sealed class TravelFlags(IServiceScopeFactory scopes, OnTimeSettings settings) : IZoneTravelFlags
{
    public static bool Flagged(IReadOnlyDictionary<string, int> lateCauses, OnTimeSettings settings) =>
        lateCauses.GetValueOrDefault(LateCause.Travel) >= settings.TravelFlagMinLate && CauseCounts.Main(lateCauses) == LateCause.Travel;

    public async Task<IReadOnlyList<ZoneTravelFlag>> GetAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        var late = await db.Timelines.AsNoTracking()
            .Where(t => t.OnTime == false && t.DeliveredAt >= since && t.ZoneId != null)
            .Select(t => new { ZoneId = t.ZoneId!.Value, t.Cause })
            .ToListAsync(ct);
        return late.GroupBy(l => l.ZoneId)
            .Select(g => (Zone: g.Key, Causes: CauseCounts.Of(g.Select(l => l.Cause)), Late: g.Count()))
            .Where(z => Flagged(z.Causes, settings))
            .Select(z => new ZoneTravelFlag(z.Zone, z.Late, z.Causes[LateCause.Travel], since))
            .ToList();
    }
}
