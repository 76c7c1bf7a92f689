using System.Globalization;

namespace Kaifan.Contracts.Queries;

/// <summary>Campus batch lines (scheduled runs to one building cluster); owned by Dispatch, asked by Ordering at checkout.</summary>
public interface IBatchLines
{
    /// <summary>The zone's line whose cluster holds the drop-off, or null when none does.</summary>
    Task<BatchLineInfo?> FindAsync(Guid zoneId, GeoPoint dropOff, CancellationToken ct);
}

/// <summary>
/// When a batch order's run leaves; owned by Dispatch, which holds the order until then. Tracking starts the ride of
/// its ETA and promise no earlier, and the order page names the run. Usable from singletons.
/// </summary>
public interface IBatchDepartures
{
    /// <summary>The run of an order to this drop-off ready by <paramref name="readyBy"/>; null when no line covers the drop-off.</summary>
    Task<BatchDeparture?> DepartureAsync(Guid zoneId, GeoPoint dropOff, DateTimeOffset readyBy, CancellationToken ct);

    /// <summary>
    /// The run of an accepted order, the one rule Dispatch's hold, Tracking's promise and ETA and the order page share:
    /// the first departure once the kitchen is expected to be done, acceptance plus the prep minutes Insights learned
    /// for the shop at that hour (the stated minutes while it has too few samples), the same minutes the pickup is
    /// planned on; a kitchen slower than it says would otherwise miss its run. A later 出餐 tap does not move it. Once
    /// Dispatch holds the order, the answer is the run it holds it for, whatever the shop's history or the operator
    /// does to the line afterwards (that run was promised).
    /// </summary>
    Task<BatchDeparture?> AcceptedRunAsync(
        Guid orderId, Guid zoneId, GeoPoint dropOff, Guid merchantId, DateTimeOffset acceptedAt, int statedPrepMinutes, CancellationToken ct);
}

public sealed record BatchDeparture(Guid LineId, string LineName, DateTimeOffset LeavesAt);

/// <summary>Departures are local Asia/Shanghai times of day, e.g. "11:00".</summary>
public sealed record BatchLineInfo(Guid Id, Guid ZoneId, string Name, GeoPoint Centre, double RadiusMetres, IReadOnlyList<string> Departures)
{
    /// <summary>
    /// The one rule for which run an order takes: the line's earliest departure at or after the order is ready (after
    /// the day's last, tomorrow's first); null when the line has no departures.
    /// </summary>
    public DateTimeOffset? DepartureFor(DateTimeOffset readyBy)
    {
        var times = Departures
            .Select(d => TimeSpan.TryParseExact(d.Trim(), @"hh\:mm", CultureInfo.InvariantCulture, out var t) ? t : (TimeSpan?)null)
            .OfType<TimeSpan>().Order().ToList();
        var local = readyBy.ToOffset(ChinaTime.Offset);
        foreach (var day in new[] { local.Date, local.Date.AddDays(1) })
        {
            foreach (var time in times)
            {
                var departure = new DateTimeOffset(day + time, ChinaTime.Offset);
                if (departure >= readyBy)
                {
                    return departure.ToUniversalTime();
                }
            }
        }

        return null;
    }

    public BatchDeparture? RunFor(DateTimeOffset readyBy) => DepartureFor(readyBy) is { } leavesAt ? new BatchDeparture(Id, Name, leavesAt) : null;
}
