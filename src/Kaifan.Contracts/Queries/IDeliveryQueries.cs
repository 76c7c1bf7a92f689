namespace Kaifan.Contracts.Queries;

/// <summary>Where a rider is now, from the rider's live (in-memory) state; null when offline or unknown.</summary>
public interface IRiderLocations
{
    Task<RiderLocation?> GetAsync(Guid riderId, CancellationToken ct);
}

public sealed record RiderLocation(Guid RiderId, GeoPoint Position, DateTimeOffset At, string VehicleType, double SpeedKmh);

/// <summary>What Tracking needs of an order to stream it and estimate its arrival; owned by Ordering.</summary>
public interface IOrderTracking
{
    /// <summary>Null when the order does not exist or is not this customer's.</summary>
    Task<OrderTrackingInfo?> GetForCustomerAsync(Guid orderId, Guid customerId, CancellationToken ct);

    Task<OrderTrackingInfo?> GetAsync(Guid orderId, CancellationToken ct);
}

/// <summary>ServiceTier is "standard", "guaranteed" or "batch"; a batch order's ride waits for its line's run.</summary>
public sealed record OrderTrackingInfo(
    Guid OrderId,
    Guid CustomerId,
    Guid MerchantId,
    Guid ZoneId,
    string Status,
    GeoPoint MerchantLocation,
    GeoPoint DropOffLocation,
    Guid? RiderId,
    int? PrepMinutes,
    DateTimeOffset PlacedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? RiderAssignedAt,
    DateTimeOffset? ArrivedAtMerchantAt,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? ArrivedAtCustomerAt = null,
    string ServiceTier = ServiceTiers.Standard);
