using Kaifan.BuildingBlocks.Security;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Pricing;

namespace Kaifan.Ordering.Orders;

internal sealed record OrderLineView(Guid ItemId, string Name, IReadOnlyList<OptionView> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen);

internal sealed record AddressView(string ContactName, string Phone, string Detail, double Latitude, double Longitude, bool StairsNoLift);

/// <summary>One step of the order page's timeline; `at` is null for a step not reached yet (shown as --:--).</summary>
internal sealed record TimelineStep(string Step, string Label, bool Reached, DateTimeOffset? At);

/// <summary>
/// 准时宝: Tracking's promise made at acceptance, the ±3-minute window it is judged by and the coupon a miss earns;
/// null until then.
/// </summary>
internal sealed record PromisedWindowView(DateTimeOffset PromisedAt, DateTimeOffset From, DateTimeOffset To, long CompensationFen)
{
    public static PromisedWindowView? Of(Order order) =>
        order.PromisedAt is { } at ? new(at, at - Guarantee.Window, at + Guarantee.Window, Guarantee.CompensationFen) : null;
}

/// <summary>
/// 准时宝's verdict once a guaranteed order is delivered and Tracking's promise is known: "kept", or "missed" by
/// MinutesLate past the window's end with the coupon it earned (null for the moment before the compensation handler
/// issues it).
/// </summary>
internal sealed record GuaranteeOutcomeView(string Outcome, int? MinutesLate, CompensationCouponView? Coupon)
{
    public const string Kept = "kept";
    public const string Missed = "missed";

    public static GuaranteeOutcomeView? Of(Order order, Coupon? compensation)
    {
        if (order is not { ServiceTier: ServiceTier.Guaranteed, PromisedAt: { } promised, DeliveredAt: { } at })
        {
            return null;
        }

        return Guarantee.Missed(promised, at)
            ? new(Missed, Guarantee.MinutesLate(promised, at), compensation is null ? null : new(compensation.Id, compensation.AmountFen, compensation.ExpiresAt))
            : new(Kept, null, null);
    }
}

internal sealed record CompensationCouponView(Guid Id, long AmountFen, DateTimeOffset ExpiresAt);

/// <summary>A batch order's run: its line and when it leaves (Dispatch holds the order until then).</summary>
internal sealed record BatchRunView(Guid LineId, string LineName, DateTimeOffset DepartsAt);

/// <summary>
/// QuotedArrivalAt is the 预计送达 checkout showed; DeliveryPromisedAt the one Tracking promised at acceptance, from which
/// 催单 opens (null until the merchant accepts). MerchantIncomeFen (预计收入) is on the shop's board only, as is Today: false for
/// an earlier day's order listed there only for its open refund request, which the day's figures leave out.
/// </summary>
internal sealed record OrderView(
    Guid Id,
    string Number,
    string Status,
    string StatusText,
    Guid MerchantId,
    string MerchantName,
    Guid ZoneId,
    IReadOnlyList<OrderLineView> Lines,
    long ItemsTotalFen,
    long PackagingFeeFen,
    long DeliveryFeeFen,
    long TotalFen,
    int TotalCalories,
    AddressView Address,
    string? Note,
    int CutleryCount,
    int? PrepMinutes,
    Guid? RiderId,
    DateTimeOffset PlacedAt,
    DateTimeOffset PaymentDeadline,
    DateTimeOffset? PaidAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? RiderAssignedAt,
    DateTimeOffset? ArrivedAtMerchantAt,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? ArrivedAtCustomerAt,
    DateTimeOffset? DeliveredAt,
    string? DeliveryMethod,
    string? Locker,
    string? PickupCode,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    string? CancelledBy,
    DateTimeOffset? RefundedAt,
    bool RefundDue,
    IReadOnlyList<TimelineStep> Timeline,
    bool CanCancel,
    bool CanPay,
    bool SpecialCare,
    string ServiceTier,
    long ServiceFeeFen,
    string Delivery,
    Guid? LockerId,
    string? LockerName,
    PromisedWindowView? PromisedWindow,
    Guid? CouponId,
    long DiscountFen,
    GuaranteeOutcomeView? GuaranteeOutcome = null,
    BatchRunView? BatchRun = null,
    OrderUrgeView? Urge = null,
    Kaifan.Ordering.Reviews.ReviewView? Review = null,
    bool CanReview = false,
    OrderExceptionView? DeliveryException = null,
    Refunds.OrderRefundView? Refund = null,
    Guid? GroupBuyId = null,
    DateTimeOffset? GroupFormedAt = null,
    PresaleOrderView? Presale = null,
    DateTimeOffset? QuotedArrivalAt = null,
    DateTimeOffset? DeliveryPromisedAt = null,
    IReadOnlyList<ShopDiscountView>? ShopDiscounts = null,
    long ShopDiscountFen = 0,
    bool NewCustomer = false,
    long? MerchantIncomeFen = null,
    bool Today = true)
{
    /// <summary>
    /// What the assigned rider needs to find the door and no more: the whole address (building, room) while the order is
    /// theirs to deliver, masked again once it is delivered or cancelled; the name keeps only the surname and the phone
    /// stays masked: the rider reaches the customer through a relay number (POST /api/orders/{id}/calls).
    /// </summary>
    public static OrderView ForRider(Order order, IPersonalDataProtector protector)
    {
        var view = From(order, protector, masked: true);
        return RevealsDoorToRider(order)
            ? view with { Address = view.Address with { Detail = protector.Unprotect(order.AddressDetailProtected) } }
            : view;
    }

    /// <summary>Whether ForRider shows the whole address: staff reading unmasked personal data, which the audit log records.</summary>
    public static bool RevealsDoorToRider(Order order) =>
        order.Status is OrderStatus.RiderAssigned or OrderStatus.ArrivedAtMerchant or OrderStatus.PickedUp;

    /// <summary>The owner sees the address and the locker's pickup code; everyone else sees the address masked and no code.</summary>
    public static OrderView From(Order order, IPersonalDataProtector protector, bool masked)
    {
        var name = protector.Unprotect(order.ContactNameProtected);
        var phone = protector.Unprotect(order.PhoneProtected);
        var detail = protector.Unprotect(order.AddressDetailProtected);
        var address = masked
            ? new AddressView(Mask.Name(name), Mask.Phone(phone), Mask.Address(detail), order.Latitude, order.Longitude, order.StairsNoLift)
            : new AddressView(name, phone, detail, order.Latitude, order.Longitude, order.StairsNoLift);
        return new OrderView(
            order.Id,
            order.Number,
            order.Status.ToString(),
            OrderStatusText.Of(order.Status),
            order.MerchantId,
            order.MerchantName,
            order.ZoneId,
            order.Lines.Select(l => new OrderLineView(l.ItemId, l.Name, l.Options.Select(o => new OptionView(o.Id, o.Name)).ToList(), l.UnitPriceFen, l.Quantity, l.Calories, l.LineTotalFen)).ToList(),
            order.ItemsTotalFen,
            order.PackagingFeeFen,
            order.DeliveryFeeFen,
            order.TotalFen,
            order.TotalCalories,
            address,
            order.Note,
            order.CutleryCount,
            order.PrepMinutes,
            order.RiderId,
            order.PlacedAt,
            order.PaymentDeadline,
            order.PaidAt,
            order.AcceptedAt,
            order.ReadyAt,
            order.RiderAssignedAt,
            order.ArrivedAtMerchantAt,
            order.PickedUpAt,
            order.ArrivedAtCustomerAt,
            order.DeliveredAt,
            order.DeliveryMethod?.ToString().ToLowerInvariant(),
            order.Locker,
            masked ? null : order.PickupCode,
            order.CancelledAt,
            order.CancelReason,
            order.CancelledBy?.ToString(),
            order.RefundedAt,
            order.RefundDue,
            TimelineOf(order),
            order.Status is OrderStatus.AwaitingPayment or OrderStatus.AwaitingAcceptance,
            order.Status == OrderStatus.AwaitingPayment,
            order.SpecialCare,
            ServiceTierNames.Of(order.ServiceTier),
            order.ServiceFeeFen,
            order.LockerId is null ? "door" : "locker",
            order.LockerId,
            order.LockerName,
            PromisedWindowView.Of(order),
            order.CouponId,
            order.DiscountFen,
            Urge: OrderUrgeView.Of(order),
            DeliveryException: OrderExceptionView.Of(order),
            GroupBuyId: order.GroupBuyId,
            GroupFormedAt: order.GroupFormedAt,
            Presale: PresaleOrderView.Of(order),
            QuotedArrivalAt: order.QuotedArrivalAt,
            DeliveryPromisedAt: order.DeliveryPromisedAt,
            ShopDiscounts: order.ShopDiscounts.Select(d => new ShopDiscountView(d.Kind, d.Label, d.AmountFen)).ToList(),
            ShopDiscountFen: order.ShopDiscountFen);
    }

    private static List<TimelineStep> TimelineOf(Order order)
    {
        var steps = new List<TimelineStep>
        {
            new("placed", "订单已提交", true, order.PlacedAt),
            new("paid", "支付成功", order.PaidAt is not null, order.PaidAt),
            new("accepted", "商家已接单", order.AcceptedAt is not null, order.AcceptedAt),
            new("ready", "商家已出餐", order.ReadyAt is not null, order.ReadyAt),
            new("rider_assigned", "骑手已接单", order.RiderAssignedAt is not null, order.RiderAssignedAt),
            new("arrived", "骑手已到店", order.ArrivedAtMerchantAt is not null, order.ArrivedAtMerchantAt),
            new("picked_up", "骑手已取餐·配送中", order.PickedUpAt is not null, order.PickedUpAt),
            new("delivered", "已送达", order.DeliveredAt is not null, order.DeliveredAt),
        };
        if (order.GroupBuyId is not null)
        {
            steps.Insert(2, new("group_formed", "拼团成功", order.GroupFormedAt is not null, order.GroupFormedAt));
        }

        if (order.PresaleId is not null)
        {
            steps.Insert(2, new("presale_confirmed", "接龙成功·确认配送", order.PresaleConfirmedAt is not null, order.PresaleConfirmedAt));
            steps.Insert(3, new("presale_released", "预售送达日·商家备餐", order.PresaleReleasedAt is not null, order.PresaleReleasedAt));
        }

        if (order.ArrivedAtCustomerAt is { } atDoor)
        {
            // Optional for the rider, so shown only once it happened rather than as a pending step.
            steps.Insert(steps.Count - 1, new("arrived_customer", "骑手已到达", true, atDoor));
        }

        if (order.Status != OrderStatus.Cancelled)
        {
            return steps;
        }

        // A cancelled order never reaches its later steps, so they are left out rather than shown as pending.
        steps.RemoveAll(s => !s.Reached);
        steps.Add(new("cancelled", $"订单已取消：{order.CancelReason}", true, order.CancelledAt));
        if (order.RefundedAt is not null)
        {
            steps.Add(new("refunded", "退款成功", true, order.RefundedAt));
        }
        else if (order.RefundAbnormalAt is not null)
        {
            steps.Add(new("refund_abnormal", "退款异常，平台正在人工处理", true, order.RefundAbnormalAt));
        }

        return steps;
    }
}

/// <summary>A row of the Orders tab: shop, time, status, "首项 等N件商品", amount.</summary>
internal sealed record OrderSummaryView(
    Guid Id,
    string Number,
    Guid MerchantId,
    string MerchantName,
    string Status,
    string StatusText,
    DateTimeOffset PlacedAt,
    string FirstItemName,
    int ItemCount,
    string Summary,
    long TotalFen,
    DateTimeOffset? PaymentDeadline,
    bool CanPay,
    bool CanReorder,
    string? RefundStatus = null)
{
    public static OrderSummaryView From(Order order)
    {
        var first = order.Lines.FirstOrDefault()?.Name ?? "";
        var count = order.Lines.Sum(l => l.Quantity);
        return new OrderSummaryView(
            order.Id,
            order.Number,
            order.MerchantId,
            order.MerchantName,
            order.Status.ToString(),
            OrderStatusText.Of(order.Status),
            order.PlacedAt,
            first,
            count,
            $"{first} 等{count}件商品",
            order.TotalFen,
            order.Status == OrderStatus.AwaitingPayment ? order.PaymentDeadline : null,
            order.Status == OrderStatus.AwaitingPayment,
            order.Status != OrderStatus.AwaitingPayment);
    }
}
