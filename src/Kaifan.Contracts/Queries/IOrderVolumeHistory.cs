namespace Kaifan.Contracts.Queries;

/// <summary>How many orders each zone received per hour, for demand forecasting; owned by Ordering.</summary>
public interface IOrderVolumeHistory
{
    /// <summary>Orders placed per zone and UTC hour with <paramref name="from"/> ≤ placed &lt; <paramref name="to"/>;
    /// hours without orders are left out.</summary>
    Task<IReadOnlyList<ZoneHourCount>> HourlyCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary><see cref="Hour"/> is the start of the UTC hour.</summary>
public sealed record ZoneHourCount(Guid ZoneId, DateTimeOffset Hour, int Count);
