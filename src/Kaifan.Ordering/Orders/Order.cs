using Kaifan.Contracts;

namespace Kaifan.Ordering.Orders;

/// <summary>A rider may be assigned before the food is ready, so RiderAssigned follows Accepted or Ready.</summary>
internal enum OrderStatus
{
    AwaitingPayment = 0,

    /// <summary>待成团: a paid 拼团 order waits for its group to fill before the merchant sees it.</summary>
    AwaitingGroup = 5,

    /// <summary>预售中: a paid 预售接龙 order waits for delivery day (its release) before the merchant sees it.</summary>
    AwaitingPresale = 6,
    AwaitingAcceptance = 10,
    Accepted = 20,
    Ready = 30,
    RiderAssigned = 40,
    ArrivedAtMerchant = 50,
    PickedUp = 60,
    Delivered = 70,
    Cancelled = 90,
}

internal enum DeliveryMethod
{
    Door,
    Locker,
}

/// <summary>Chosen at checkout: 标准, 准时宝 (on-time guarantee with a ±3-minute window), 校园拼单 (campus batch line).</summary>
internal enum ServiceTier
{
    Standard,
    Guaranteed,
    Batch,
}

/// <summary>The tier as other modules and the API name it (Contracts.ServiceTiers), in both directions.</summary>
internal static class ServiceTierNames
{
    public static string Of(ServiceTier tier) => tier switch
    {
        ServiceTier.Guaranteed => ServiceTiers.Guaranteed,
        ServiceTier.Batch => ServiceTiers.Batch,
        _ => ServiceTiers.Standard,
    };

    public static ServiceTier Parse(string? name) => name switch
    {
        ServiceTiers.Guaranteed => ServiceTier.Guaranteed,
        ServiceTiers.Batch => ServiceTier.Batch,
        _ => ServiceTier.Standard,
    };
}

internal enum CancelledBy
{
    Customer,
    Merchant,
    System,
    Operator,
}

/// <summary>Whether a state change happened; when not, why (the caller answers 409).</summary>
internal readonly record struct Transition(bool Done, string? Error)
{
    public static readonly Transition Ok = new(true, null);

    public static Transition Refused(OrderStatus from, string action) =>
        new(false, $"订单当前状态为{OrderStatusText.Of(from)}，不能{action} (not allowed in {from})");
}

internal sealed partial class Order
{
    public Guid Id { get; init; }
    public required string Number { get; init; }
    public Guid CustomerId { get; init; }
    public Guid MerchantId { get; init; }
    public required string MerchantName { get; init; }
    public Guid ZoneId { get; init; }
    public OrderStatus Status { get; private set; } = OrderStatus.AwaitingPayment;
    public List<OrderLine> Lines { get; init; } = [];
    public long ItemsTotalFen { get; init; }
    public long PackagingFeeFen { get; init; }
    public long DeliveryFeeFen { get; init; }
    public long TotalFen { get; init; }
    public int TotalCalories { get; init; }
    public Guid AddressId { get; init; }

    /// <summary>Encrypted with IPersonalDataProtector; never stored or logged in clear.</summary>
    public required string ContactNameProtected { get; init; }
    public required string PhoneProtected { get; init; }
    public required string AddressDetailProtected { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public double MerchantLatitude { get; init; }
    public double MerchantLongitude { get; init; }
    public bool StairsNoLift { get; init; }
    public string? Note { get; init; }
    public int CutleryCount { get; init; }

    /// <summary>The customer asked for special care (e.g. pregnant, unwell): dispatched first, marked for the rider.</summary>
    public bool SpecialCare { get; init; }
    public ServiceTier ServiceTier { get; init; }

    /// <summary>The tier's extra fee, already inside TotalFen.</summary>
    public long ServiceFeeFen { get; init; }

    /// <summary>The coupon spent on this order (given back if the order is cancelled) and what it took off TotalFen.</summary>
    public Guid? CouponId { get; init; }
    public long DiscountFen { get; init; }

    /// <summary>A locker delivery: Latitude/Longitude are then the locker's position, not the address's.</summary>
    public Guid? LockerId { get; init; }
    public string? LockerName { get; init; }

    /// <summary>
    /// The guaranteed tier's promised delivery time: Tracking's promise at acceptance (DeliveryPromised), the first one
    /// kept; the window is ±3 minutes around it.
    /// </summary>
    public DateTimeOffset? PromisedAt { get; private set; }

    /// <summary>
    /// The arrival Tracking promised at acceptance (DeliveryPromised), for every tier, the first one kept: the 预计送达
    /// the customer was told, from which 催单 opens. PromisedAt stays 准时宝's alone, as Dispatch and the coupon read it.
    /// </summary>
    public DateTimeOffset? DeliveryPromisedAt { get; private set; }

    /// <summary>The 预计送达 checkout showed when the order was placed; null on orders placed before it was kept.</summary>
    public DateTimeOffset? QuotedArrivalAt { get; init; }
    public int? PrepMinutes { get; private set; }
    public Guid? RiderId { get; private set; }
    public DateTimeOffset PlacedAt { get; init; }
    public DateTimeOffset PaymentDeadline { get; init; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? ReadyAt { get; private set; }
    public DateTimeOffset? RiderAssignedAt { get; private set; }
    public DateTimeOffset? ArrivedAtMerchantAt { get; private set; }
    public DateTimeOffset? PickedUpAt { get; private set; }

    /// <summary>The rider said they are at the door (or locker); optional, it splits the last leg into ride and hand-off.</summary>
    public DateTimeOffset? ArrivedAtCustomerAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DeliveryMethod? DeliveryMethod { get; private set; }
    public string? Locker { get; private set; }

    /// <summary>The 6-digit code that opens the locker; shown to the customer only.</summary>
    public string? PickupCode { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public CancelledBy? CancelledBy { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>The gateway could not pay the refund back; the station pays it by hand, and RefundedAt follows.</summary>
    public DateTimeOffset? RefundAbnormalAt { get; private set; }
    public int Version { get; private set; }

    // The state machine: each transition names the states it may start from, and is the only way Status changes.
    public Transition MarkPaid(DateTimeOffset at)
    {
        if (Status != OrderStatus.AwaitingPayment)
        {
            return Transition.Refused(Status, "标记为已支付");
        }

        PaidAt = at;
        return MoveTo(GroupBuyId is not null ? OrderStatus.AwaitingGroup : PresaleId is not null ? OrderStatus.AwaitingPresale : OrderStatus.AwaitingAcceptance);
    }

    public Transition Accept(int prepMinutes, DateTimeOffset at)
    {
        if (Status != OrderStatus.AwaitingAcceptance)
        {
            return Transition.Refused(Status, "接单");
        }

        PrepMinutes = prepMinutes;
        AcceptedAt = at;
        return MoveTo(OrderStatus.Accepted);
    }

    /// <summary>A rider already on the way keeps the order's status (骑手已接单 / 骑手已到店); only ReadyAt is set.</summary>
    public Transition MarkReady(DateTimeOffset at)
    {
        if (ReadyAt is not null || Status is not (OrderStatus.Accepted or OrderStatus.RiderAssigned or OrderStatus.ArrivedAtMerchant))
        {
            return Transition.Refused(Status, "出餐");
        }

        ReadyAt = at;
        HandleUrge(at);
        return MoveTo(Status == OrderStatus.Accepted ? OrderStatus.Ready : Status);
    }

    /// <summary>Recorded once: a repeat for the same rider is a no-op, another rider is refused.</summary>
    public Transition AssignRider(Guid riderId, DateTimeOffset at)
    {
        if (RiderId == riderId)
        {
            return new(false, null);
        }

        if (RiderId is not null || Status is not (OrderStatus.Accepted or OrderStatus.Ready))
        {
            return Transition.Refused(Status, "指派骑手");
        }

        RiderId = riderId;
        RiderAssignedAt = at;
        return MoveTo(OrderStatus.RiderAssigned);
    }

    public Transition ArriveAtMerchant(DateTimeOffset at)
    {
        if (Status != OrderStatus.RiderAssigned)
        {
            return Transition.Refused(Status, "到店");
        }

        ArrivedAtMerchantAt = at;
        return MoveTo(OrderStatus.ArrivedAtMerchant);
    }

    /// <summary>The rider can only take food the merchant has handed out (出餐).</summary>
    public Transition PickUp(DateTimeOffset at)
    {
        if (Status != OrderStatus.ArrivedAtMerchant || ReadyAt is null)
        {
            return ReadyAt is null && Status == OrderStatus.ArrivedAtMerchant
                ? new(false, "商家尚未出餐，不能取餐 (the merchant has not marked the order ready)")
                : Transition.Refused(Status, "取餐");
        }

        PickedUpAt = at;
        return MoveTo(OrderStatus.PickedUp);
    }

    /// <summary>Not a state of its own: the order stays PickedUp until handed over.</summary>
    public Transition ArriveAtCustomer(DateTimeOffset at)
    {
        if (Status != OrderStatus.PickedUp || ArrivedAtCustomerAt is not null)
        {
            return Transition.Refused(Status, "确认到达");
        }

        ArrivedAtCustomerAt = at;
        Version++;
        return Transition.Ok;
    }

    public Transition Deliver(DeliveryMethod method, string? locker, string? pickupCode, DateTimeOffset at)
    {
        if (Status != OrderStatus.PickedUp)
        {
            return Transition.Refused(Status, "送达");
        }

        if (LockerId is not null && method != Orders.DeliveryMethod.Locker)
        {
            return new(false, "该订单须送入外卖柜并生成取件码 (a locker order must be delivered into its locker)");
        }

        DeliveryMethod = method;
        Locker = method == Orders.DeliveryMethod.Locker ? locker : null;
        PickupCode = method == Orders.DeliveryMethod.Locker ? pickupCode : null;
        DeliveredAt = at;
        return MoveTo(OrderStatus.Delivered);
    }

    /// <summary>The customer may cancel before the merchant accepts; after payment the money is refunded.</summary>
    public Transition CancelByCustomer(string reason, DateTimeOffset at) =>
        Status is OrderStatus.AwaitingPayment or OrderStatus.AwaitingAcceptance
            ? Cancel(reason, Orders.CancelledBy.Customer, at)
            : Transition.Refused(Status, "取消");

    public Transition Reject(string reason, DateTimeOffset at) =>
        Status == OrderStatus.AwaitingAcceptance
            ? Cancel(reason, Orders.CancelledBy.Merchant, at)
            : Transition.Refused(Status, "拒单");

    public Transition ExpireUnpaid(DateTimeOffset now) =>
        Status == OrderStatus.AwaitingPayment && now >= PaymentDeadline
            ? Cancel("支付超时", Orders.CancelledBy.System, now)
            : Transition.Refused(Status, "超时取消");

    /// <summary>Only a paid order owes money back once cancelled.</summary>
    public bool RefundDue => Status == OrderStatus.Cancelled && PaidAt is not null;

    public void MarkRefundAbnormal(DateTimeOffset at)
    {
        if (RefundedAt is null)
        {
            RefundAbnormalAt ??= at;
        }
    }

    public void MarkRefunded(DateTimeOffset at)
    {
        RefundedAt ??= at;
        Version++;
    }

    private Transition Cancel(string reason, CancelledBy by, DateTimeOffset at)
    {
        CancelReason = reason;
        CancelledBy = by;
        CancelledAt = at;
        return MoveTo(OrderStatus.Cancelled);
    }

    private Transition MoveTo(OrderStatus next)
    {
        Status = next;
        Version++;
        return Transition.Ok;
    }
}

internal sealed class OrderLine
{
    public Guid ItemId { get; init; }
    public required string Name { get; init; }
    public List<ChosenOption> Options { get; init; } = [];

    /// <summary>Item price plus every chosen option's delta, for one piece.</summary>
    public long UnitPriceFen { get; init; }
    public int Quantity { get; init; }

    /// <summary>Calories of one piece with its options.</summary>
    public int Calories { get; init; }
    public long LineTotalFen { get; init; }
}

internal sealed class ChosenOption
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
}

internal static class OrderStatusText
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingPayment => "待付款",
        OrderStatus.AwaitingGroup => "待成团",
        OrderStatus.AwaitingPresale => "预售中",
        OrderStatus.AwaitingAcceptance => "等待商家接单",
        OrderStatus.Accepted => "商家已接单",
        OrderStatus.Ready => "待取餐",
        OrderStatus.RiderAssigned => "骑手已接单",
        OrderStatus.ArrivedAtMerchant => "骑手已到店",
        OrderStatus.PickedUp => "骑手已取餐·配送中",
        OrderStatus.Delivered => "已送达",
        OrderStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };
}
