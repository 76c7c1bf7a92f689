namespace Kaifan.Ordering.Orders;

/// <summary>
/// 预售接龙: the order's chain (Growth's), its slot, and the moments the chain went ahead and the order went to the
/// merchant on delivery day. Until released the order is held as 预售中, unseen by the merchant.
/// </summary>
internal sealed partial class Order
{
    public Guid? PresaleId { get; init; }
    public DateTimeOffset? PresaleDeliverAt { get; init; }
    public DateTimeOffset? PresaleCutoffAt { get; init; }
    public DateTimeOffset? PresaleConfirmedAt { get; private set; }
    public DateTimeOffset? PresaleReleasedAt { get; private set; }

    public const string PresaleLeftReason = "退出接龙";
    public const string PresaleCancelledReason = "接龙未达最低份数";
    public const string PresaleClosedUnpaidReason = "接龙截止时未支付";
    public const string PresaleStoppedReason = "商家已停止接龙";

    public Transition ConfirmPresale(DateTimeOffset at)
    {
        if (Status != OrderStatus.AwaitingPresale || PresaleConfirmedAt is not null)
        {
            return Transition.Refused(Status, "确认预售");
        }

        PresaleConfirmedAt = at;
        Version++;
        return Transition.Ok;
    }

    public Transition ReleasePresale(DateTimeOffset at)
    {
        if (Status != OrderStatus.AwaitingPresale)
        {
            return Transition.Refused(Status, "预售出单");
        }

        PresaleReleasedAt = at;
        return MoveTo(OrderStatus.AwaitingAcceptance);
    }

    /// <summary>The customer left, or the chain was cancelled or stopped: an unpaid order is simply cancelled, a paid one refunded.</summary>
    public Transition CancelPresale(string reason, CancelledBy by, DateTimeOffset at) =>
        PresaleId is not null && Status is OrderStatus.AwaitingPayment or OrderStatus.AwaitingPresale
            ? Cancel(reason, by, at)
            : Transition.Refused(Status, "取消预售");
}
