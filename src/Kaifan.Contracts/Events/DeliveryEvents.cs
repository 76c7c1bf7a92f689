namespace Kaifan.Contracts.Events;

/// <summary>The zone dispatcher's decision, once the rider accepted the offer. Ordering records it once.</summary>
public sealed record RiderAssigned(Guid OrderId, Guid RiderId, Guid ZoneId, DateTimeOffset AssignedAt);

public sealed record RiderArrivedAtMerchant(Guid OrderId, Guid RiderId, DateTimeOffset ArrivedAt);

public sealed record OrderPickedUp(Guid OrderId, Guid RiderId, DateTimeOffset PickedUpAt);

/// <summary>Method is "door" or "locker"; a locker delivery carries the locker's name, never the customer's pickup code.</summary>
public sealed record OrderDelivered(Guid OrderId, Guid RiderId, string Method, string? Locker, DateTimeOffset DeliveredAt);
