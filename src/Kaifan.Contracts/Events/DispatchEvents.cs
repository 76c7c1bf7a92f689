namespace Kaifan.Contracts.Events;

/// <summary>An operator took the order away from its rider before pickup; Ordering forgets that rider, once.</summary>
public sealed record RiderUnassigned(Guid OrderId, Guid RiderId, Guid ZoneId, DateTimeOffset At);
