using System.Collections.Concurrent;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.OnTime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights.PrepTimes;

/// <summary>
/// IPrepTimeEstimates for Tracking's ETAs: a merchant's learned prep times from its timelines of the last weeks,
/// recomputed at most every few minutes per merchant (a customer's page asks for the ETA every few seconds).
/// </summary>
internal sealed class PrepTimeEstimates(IServiceScopeFactory scopes, OnTimeSettings settings, TimeProvider clock) : IPrepTimeEstimates
{
    /// <summary>A busy shop's last weeks hold thousands of orders; the latest ones say enough.</summary>
    private const int MaxSamples = 3000;

    private readonly ConcurrentDictionary<Guid, (LearnedPrep Learned, DateTimeOffset At)> cache = new();

    public async Task<PrepTimeEstimate> EstimateAsync(Guid merchantId, DateTimeOffset at, int statedMinutes, CancellationToken ct) =>
        (await LearnedAsync(merchantId, ct)).Estimate(at, statedMinutes);

    public async Task<PrepTimeEstimate> UsualAsync(Guid merchantId, DateTimeOffset at, CancellationToken ct) =>
        (await LearnedAsync(merchantId, ct)).Usual(at, DeliveryEstimate.AssumedPrep.TotalMinutes);

    /// <summary>The same learned times the ETAs use, for the shop's own view of them.</summary>
    public async Task<LearnedPrep> LearnedAsync(Guid merchantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(merchantId, out var entry) || now - entry.At >= TimeSpan.FromMinutes(settings.PrepCacheMinutes) || now < entry.At)
        {
            entry = (await LearnAsync(merchantId, now, ct), now);
            cache[merchantId] = entry;
        }

        return entry.Learned;
    }

    private async Task<LearnedPrep> LearnAsync(Guid merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-7 * settings.PrepLearningWeeks);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        var rows = await db.Timelines.AsNoTracking()
            .Where(t => t.MerchantId == merchantId && t.AcceptedAt >= since && t.ReadyAt != null && t.StatedPrepMinutes != null)
            .OrderByDescending(t => t.AcceptedAt)
            .Take(MaxSamples)
            .Select(t => new { AcceptedAt = t.AcceptedAt!.Value, ReadyAt = t.ReadyAt!.Value, Stated = t.StatedPrepMinutes!.Value })
            .ToListAsync(ct);
        return LearnedPrep.From(rows.Select(r => new PrepSample(r.AcceptedAt, r.Stated, (r.ReadyAt - r.AcceptedAt).TotalMinutes)), settings.PrepMinSamples);
    }
}
