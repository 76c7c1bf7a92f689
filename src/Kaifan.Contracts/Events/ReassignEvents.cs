namespace Kaifan.Contracts.Events;

/// <summary>
/// An operator moved an order before pickup. FromRiderId lost its offer or task of it (null when nobody held it);
/// ToRiderId holds a new offer of it (null when it went back to 待分配). The riders' apps hear of it live.
/// </summary>
public sealed record OrderReassigned(Guid OrderId, Guid ZoneId, Guid? FromRiderId, Guid? ToRiderId, DateTimeOffset At);
