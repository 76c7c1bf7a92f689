namespace Kaifan.Contracts.Queries;

/// <summary>Campus batch lines (scheduled runs to one building cluster); owned by Dispatch, asked by Ordering at checkout.</summary>
public interface IBatchLines
{
    /// <summary>The zone's line whose cluster holds the drop-off, or null when none does.</summary>
    Task<BatchLineInfo?> FindAsync(Guid zoneId, GeoPoint dropOff, CancellationToken ct);
}

/// <summary>Departures are local Asia/Shanghai times of day, e.g. "11:00".</summary>
public sealed record BatchLineInfo(Guid Id, Guid ZoneId, string Name, GeoPoint Centre, double RadiusMetres, IReadOnlyList<string> Departures);
