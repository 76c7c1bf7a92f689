using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Zones;

/// <summary>Online and idle riders per zone from each zone dispatcher's board (its live view). The zones asked are the
/// riders' home zones: a zone nobody calls home has no riders to count or to send away.</summary>
internal sealed class ZoneRiderSupply(DispatchDb db, IGrainFactory grains) : IZoneRiderSupply
{
    public async Task<IReadOnlyList<ZoneRiders>> OnlineRidersAsync(CancellationToken ct)
    {
        var zoneIds = await db.Riders.AsNoTracking().Select(r => r.HomeZoneId).Distinct().ToListAsync(ct);
        var result = new List<ZoneRiders>(zoneIds.Count);
        foreach (var zoneId in zoneIds.Order())
        {
            var board = await grains.GetGrain<IZoneGrain>(zoneId).Board();
            var busy = board.LoadByRider.Count(r => r.Value > 0);
            result.Add(new ZoneRiders(zoneId, board.OnlineRiders, Math.Max(0, board.OnlineRiders - busy)));
        }
        return result;
    }
}
