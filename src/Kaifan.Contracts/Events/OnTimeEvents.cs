namespace Kaifan.Contracts.Events;

/// <summary>
/// The arrival Tracking promised when the merchant accepted the order, with the plan behind it in minutes (the rider
/// is assumed to start at the shop, so ToMerchantMinutes is usually 0). PrepSource is "learned" or "stated".
/// Insights measures on-time against PromisedAt and attributes lateness against the plan.
/// </summary>
public sealed record DeliveryPromised(
    Guid OrderId,
    Guid ZoneId,
    Guid MerchantId,
    DateTimeOffset PromisedAt,
    DateTimeOffset At,
    double PrepMinutes,
    string PrepSource,
    double ToMerchantMinutes,
    double PickupServiceMinutes,
    double TravelMinutes,
    double DropOffServiceMinutes);

/// <summary>
/// The rider reached the customer's door (or locker) and is handing over (the rider app's 已到达, optional). Insights
/// splits the last leg into travel and hand-off at the door with it; without it a slow last leg counts as travel.
/// </summary>
public sealed record RiderArrivedAtCustomer(Guid OrderId, Guid RiderId, DateTimeOffset ArrivedAt);

/// <summary>A zone's on-time rate over the rolling window fell below the threshold; MainCause is prep, rider, travel, door or unknown.</summary>
public sealed record OnTimeAlertRaised(
    Guid AlertId,
    Guid ZoneId,
    DateTimeOffset WindowFrom,
    DateTimeOffset RaisedAt,
    int Delivered,
    int OnTime,
    double Rate,
    double Threshold,
    string MainCause);
