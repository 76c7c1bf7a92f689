namespace Kaifan.Contracts.Queries;

/// <summary>A merchant's prep time as learned from its own history (Insights), for ETAs.</summary>
public interface IPrepTimeEstimates
{
    /// <summary>
    /// The prep minutes to expect for an order accepted at <paramref name="at"/> that the merchant said would take
    /// <paramref name="statedMinutes"/>; falls back to the stated minutes while the merchant has too few samples.
    /// </summary>
    Task<PrepTimeEstimate> EstimateAsync(Guid merchantId, DateTimeOffset at, int statedMinutes, CancellationToken ct);
}

/// <summary>Source is "learned" (from Samples orders) or "stated" (the merchant's own minutes).</summary>
public sealed record PrepTimeEstimate(double Minutes, string Source, int Samples)
{
    public const string Learned = "learned";
    public const string Stated = "stated";
}

/// <summary>What Insights tells Dispatch about zones whose late orders are mostly slow rides (routing trouble).</summary>
public interface IZoneTravelFlags
{
    /// <summary>Zones where rider travel overran most among late orders delivered since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ZoneTravelFlag>> GetAsync(DateTimeOffset since, CancellationToken ct);
}

public sealed record ZoneTravelFlag(Guid ZoneId, int LateOrders, int TravelLate, DateTimeOffset Since);
