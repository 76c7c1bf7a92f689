namespace Kaifan.Contracts.Queries;

/// <summary>What the zone dispatcher needs of an accepted order to offer it to a rider; owned by Ordering.</summary>
public interface IOrderDispatchQueries
{
    /// <summary>Null when the order does not exist.</summary>
    Task<OrderDispatchInfo?> GetForDispatchAsync(Guid orderId, CancellationToken ct);

    /// <summary>The service marks of the given orders that exist, for the board's and the rider's cards, in one read.</summary>
    Task<IReadOnlyDictionary<Guid, OrderServiceInfo>> GetServiceAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct);
}

/// <summary>
/// What staff screens mark on an order: its tier (one of <see cref="ServiceTiers"/>'s names), special care, a locker
/// delivery, and for 准时宝 the arrival Tracking promised at acceptance (the one the guarantee is judged against), null
/// until that promise has reached Ordering.
/// </summary>
public sealed record OrderServiceInfo(Guid OrderId, string ServiceTier, bool SpecialCare, bool Locker, DateTimeOffset? PromisedAt);

/// <summary>
/// ReadyEstimate is ReadyAt once the merchant marked it ready, else AcceptedAt plus the prep time. The trailing
/// fields were added for priorities and service tiers; their defaults keep older callers compiling. DropOffLocation
/// is the locker's position for a locker delivery. ServiceTier is "standard", "guaranteed" or "batch". Number is the
/// order number people read (riders' earnings name it).
/// </summary>
public sealed record OrderDispatchInfo(
    Guid OrderId,
    Guid MerchantId,
    Guid ZoneId,
    string Status,
    GeoPoint MerchantLocation,
    GeoPoint DropOffLocation,
    bool StairsNoLift,
    DateTimeOffset? ReadyEstimate,
    Guid? RiderId,
    bool SpecialCare = false,
    Guid CustomerId = default,
    DateTimeOffset? PlacedAt = null,
    string ServiceTier = ServiceTiers.Standard,
    string Number = "");
