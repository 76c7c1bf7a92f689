using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Segments;

/// <summary>The station's segmentation at one moment: every customer who ever completed an order, scored.</summary>
internal sealed record Segmentation(DateTimeOffset At, IReadOnlyList<ScoredCustomer> Customers, RfmAverages Averages);

/// <summary>
/// Scores every customer from their profile and delivered orders at the clock's now, and stores the segment each is in.
/// A customer whose segment changed enters the new one now; the update only moves a profile still in another segment,
/// so two refreshes at once record one entry.
/// </summary>
internal sealed class SegmentRefresh(InsightsDb db, TimeProvider clock)
{
    public async Task<Segmentation> ComputeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var windowStart = now.AddDays(-RfmScoring.WindowDays);
        var profiles = await db.CustomerProfiles.AsNoTracking()
            .Where(p => p.DeliveredOrders > 0 && p.LastOrderAt != null)
            .Select(p => new { p.CustomerId, LastOrderAt = p.LastOrderAt!.Value })
            .ToListAsync(ct);
        var recent = (await KeptOrders.Of(db).ToListAsync(ct))
            .Where(o => o.PlacedAt >= windowStart && o.PlacedAt <= now)
            .GroupBy(o => o.CustomerId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Fen: g.Sum(o => o.KeptFen)));
        var rfm = profiles
            .Select(p => recent.TryGetValue(p.CustomerId, out var window)
                ? new Rfm(p.CustomerId, Math.Max(0, (now - p.LastOrderAt).TotalDays), window.Count, window.Fen)
                : new Rfm(p.CustomerId, Math.Max(0, (now - p.LastOrderAt).TotalDays), 0, 0))
            .ToList();
        var (customers, averages) = RfmScoring.Score(rfm);
        return new Segmentation(now, customers, averages);
    }

    /// <summary>Computes and stores every customer's segment; answers the segmentation it stored.</summary>
    public async Task<Segmentation> RefreshAsync(CancellationToken ct)
    {
        var segmentation = await ComputeAsync(ct);
        foreach (var group in segmentation.Customers.GroupBy(c => c.Segment))
        {
            var segment = group.Key;
            var ids = group.Select(c => c.Rfm.CustomerId).ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                await db.CustomerProfiles
                    .Where(p => chunk.Contains(p.CustomerId) && (p.Segment == null || p.Segment != segment))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Segment, segment).SetProperty(p => p.SegmentSince, segmentation.At), ct);
            }
        }

        return segmentation;
    }
}
