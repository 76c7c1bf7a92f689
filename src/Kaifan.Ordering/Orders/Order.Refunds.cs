namespace Kaifan.Ordering.Orders;

/// <summary>申请退款 belongs to a delivered order for 24 hours after delivery.</summary>
internal sealed partial class Order
{
    public bool RefundableAt(DateTimeOffset now) =>
        Status == OrderStatus.Delivered && DeliveredAt is { } delivered && now <= delivered + Refunds.RefundRequest.ApplyWindow;

    /// <summary>
    /// A refund request moves the order's Version, so two requests read before either commits cannot both count
    /// against the same money.
    /// </summary>
    public void ClaimRefund() => Version++;
}
