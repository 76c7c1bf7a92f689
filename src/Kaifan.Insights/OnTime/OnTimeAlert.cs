using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.OnTime;

/// <summary>
/// A zone fell below the on-time threshold over the rolling window. At most one per zone per window slot (the clock
/// cut into window-long pieces): the unique index stops two concurrent deliveries from both raising it.
/// </summary>
internal sealed class OnTimeAlert
{
    public Guid Id { get; init; }
    public Guid ZoneId { get; init; }
    public long WindowSlot { get; init; }
    public DateTimeOffset WindowFrom { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public int Delivered { get; init; }
    public int OnTime { get; init; }
    public double Rate { get; init; }
    public double Threshold { get; init; }
    public string MainCause { get; init; } = LateCause.Unknown;

    /// <summary>Late orders per cause, e.g. "prep=3;rider=1" (written by <see cref="FormatCauses"/>, read by <see cref="CauseCounts"/>).</summary>
    public string Causes { get; init; } = "";

    public static string FormatCauses(IEnumerable<KeyValuePair<string, int>> causes) =>
        string.Join(';', causes.Where(c => c.Value > 0).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Every known cause with its count, zero when absent.</summary>
    public Dictionary<string, int> CauseCounts()
    {
        var counts = LateCause.All.ToDictionary(c => c, _ => 0);
        foreach (var pair in Causes.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && counts.ContainsKey(parts[0]) && int.TryParse(parts[1], out var n))
            {
                counts[parts[0]] = n;
            }
        }

        return counts;
    }
}

internal sealed class OnTimeAlertConfiguration : IEntityTypeConfiguration<OnTimeAlert>
{
    public void Configure(EntityTypeBuilder<OnTimeAlert> alert)
    {
        alert.ToTable("insights_ontime_alerts");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.Id).ValueGeneratedNever();
        alert.Property(a => a.MainCause).HasMaxLength(16);
        alert.Property(a => a.Causes).HasMaxLength(200);
        alert.HasIndex(a => new { a.ZoneId, a.WindowSlot }).IsUnique();
        alert.HasIndex(a => a.RaisedAt);
    }
}

/// <summary>Looks at a zone's last window after each verdict and raises an alert when its on-time rate fell too low.</summary>
internal static class ZoneAlarm
{
    public static async Task<OnTimeAlertRaised?> CheckAsync(InsightsDb db, Guid zoneId, OnTimeSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var window = TimeSpan.FromMinutes(settings.AlertWindowMinutes);
        var from = now - window;
        var verdicts = await db.Timelines.AsNoTracking()
            .Where(t => t.ZoneId == zoneId && t.OnTime != null && t.DeliveredAt > from && t.DeliveredAt <= now)
            .Select(t => new { OnTime = t.OnTime!.Value, t.Cause })
            .ToListAsync(ct);
        if (verdicts.Count < settings.AlertMinDelivered)
        {
            return null;
        }

        var onTime = verdicts.Count(v => v.OnTime);
        var rate = (double)onTime / verdicts.Count;
        if (rate >= settings.AlertThreshold)
        {
            return null;
        }

        var slot = now.ToUnixTimeSeconds() / (long)window.TotalSeconds;
        if (await db.Alerts.AnyAsync(a => a.ZoneId == zoneId && a.WindowSlot == slot, ct))
        {
            return null;
        }

        var causes = CauseCounts.Of(verdicts.Where(v => !v.OnTime).Select(v => v.Cause));
        var alert = new OnTimeAlert
        {
            Id = Guid.NewGuid(),
            ZoneId = zoneId,
            WindowSlot = slot,
            WindowFrom = from,
            RaisedAt = now,
            Delivered = verdicts.Count,
            OnTime = onTime,
            Rate = Math.Round(rate, 4),
            Threshold = settings.AlertThreshold,
            MainCause = CauseCounts.Main(causes),
            Causes = OnTimeAlert.FormatCauses(causes),
        };
        db.Alerts.Add(alert);
        return new OnTimeAlertRaised(alert.Id, zoneId, from, now, alert.Delivered, onTime, alert.Rate, alert.Threshold, alert.MainCause);
    }
}

internal static class CauseCounts
{
    /// <summary>Every cause with its count (zero included), in the fixed order of <see cref="LateCause.All"/>.</summary>
    public static Dictionary<string, int> Of(IEnumerable<string?> causes)
    {
        var counts = LateCause.All.ToDictionary(c => c, _ => 0);
        foreach (var cause in causes)
        {
            counts[cause is not null && counts.ContainsKey(cause) ? cause : LateCause.Unknown]++;
        }

        return counts;
    }

    /// <summary>The most frequent known cause (earlier in the chain on a tie); unknown only when nothing else counted.</summary>
    public static string Main(IReadOnlyDictionary<string, int> counts)
    {
        var known = LateCause.All.Where(c => c != LateCause.Unknown && counts.GetValueOrDefault(c) > 0).ToList();
        return known.Count == 0 ? LateCause.Unknown : known.OrderByDescending(c => counts[c]).First();
    }
}
