namespace Kaifan.Contracts.Queries;

/// <summary>A merchant's prep time as learned from its own history (Insights), for ETAs.</summary>
public interface IPrepTimeEstimates
{
    /// <summary>
    /// The prep minutes to expect for an order accepted at <paramref name="at"/> that the merchant said would take
    /// <paramref name="statedMinutes"/>; falls back to the stated minutes while the merchant has too few samples.
    /// </summary>
    Task<PrepTimeEstimate> EstimateAsync(Guid merchantId, DateTimeOffset at, int statedMinutes, CancellationToken ct);

    /// <summary>
    /// Before anyone states a time: the minutes the merchant's kitchen usually takes at the hour of <paramref name="at"/>
    /// (its all-day usual for a thin hour); a typical kitchen's (DeliveryEstimate.AssumedPrep), labelled stated, while
    /// its history is short.
    /// </summary>
    Task<PrepTimeEstimate> UsualAsync(Guid merchantId, DateTimeOffset at, CancellationToken ct);
}

/// <summary>Source is "learned" (from Samples orders) or "stated" (the merchant's own minutes).</summary>
public sealed record PrepTimeEstimate(double Minutes, string Source, int Samples)
{
    public const string Learned = "learned";
    public const string Stated = "stated";

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);
}

/// <summary>What Insights tells Dispatch about zones whose late orders are mostly slow rides (routing trouble).</summary>
public interface IZoneTravelFlags
{
    /// <summary>Zones where rider travel overran most among late orders delivered since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ZoneTravelFlag>> GetAsync(DateTimeOffset since, CancellationToken ct);
}

public sealed record ZoneTravelFlag(Guid ZoneId, int LateOrders, int TravelLate, DateTimeOffset Since);
