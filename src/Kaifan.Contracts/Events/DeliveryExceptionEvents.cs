namespace Kaifan.Contracts.Events;

/// <summary>配送异常 a rider may report on an order they carry, as the API names them.</summary>
public static class DeliveryExceptionKinds
{
    /// <summary>商家无法出餐 / 店铺关门: before pickup.</summary>
    public const string PickupFailed = "pickup_failed";

    /// <summary>无法联系收货人: at the door (after 已到达).</summary>
    public const string CustomerUnreachable = "customer_unreachable";

    /// <summary>收货人拒收: after pickup.</summary>
    public const string CustomerRefused = "customer_refused";

    /// <summary>天气/道路原因无法送达: at any stage of the delivery.</summary>
    public const string RoadBlocked = "road_blocked";

    public static readonly IReadOnlyList<string> All = [PickupFailed, CustomerUnreachable, CustomerRefused, RoadBlocked];
}

/// <summary>How an operator (or, for 无法联系收货人, the customer's 我在，马上到) closes an exception.</summary>
public static class DeliveryExceptionResolutions
{
    /// <summary>Before pickup the order goes back to dispatch; after it the rider tries again.</summary>
    public const string Redeliver = "redeliver";

    public const string CancelAndRefund = "cancel_and_refund";

    public const string DeliveredAnyway = "delivered_anyway";

    /// <summary>The customer answered 我在，马上到 on the order page.</summary>
    public const string CustomerResponded = "customer_responded";

    public static readonly IReadOnlyList<string> ByOperator = [Redeliver, CancelAndRefund, DeliveredAnyway];
}

/// <summary>A rider reported a 配送异常 on an order they carry; Kind is one of <see cref="DeliveryExceptionKinds"/>. No free text: the note stays in Ordering.</summary>
public sealed record DeliveryExceptionReported(Guid OrderId, Guid ZoneId, Guid RiderId, string Kind, DateTimeOffset ReportedAt);

/// <summary>The exception is still open 10 minutes after it was reported: the ops console raises it.</summary>
public sealed record DeliveryExceptionOverdue(Guid OrderId, Guid ZoneId, string Kind, DateTimeOffset ReportedAt, DateTimeOffset At);

/// <summary>
/// The exception is closed (Resolution is one of <see cref="DeliveryExceptionResolutions"/>). BackToDispatch: the order
/// was not picked up and Dispatch must take it from RiderId and offer it again.
/// </summary>
public sealed record DeliveryExceptionResolved(Guid OrderId, Guid ZoneId, Guid RiderId, string Kind, string Resolution, bool BackToDispatch, DateTimeOffset At);
