namespace Kaifan.Ordering.Orders;

/// <summary>拼团: the order's group (Growth's), and the moment it formed and the order went to the merchant.</summary>
internal sealed partial class Order
{
    public Guid? GroupBuyId { get; init; }
    public DateTimeOffset? GroupFormedAt { get; private set; }

    /// <summary>The merchant sees a group order only once its group formed; before that, and if it never forms, not at all.</summary>
    public bool ReachedMerchant => (GroupBuyId is null || GroupFormedAt is not null) && (PresaleId is null || PresaleReleasedAt is not null);

    public Transition FormGroup(DateTimeOffset at)
    {
        if (Status != OrderStatus.AwaitingGroup)
        {
            return Transition.Refused(Status, "成团");
        }

        GroupFormedAt = at;
        return MoveTo(OrderStatus.AwaitingAcceptance);
    }

    /// <summary>The group's window ended unfilled: an unpaid order is simply cancelled, a paid one is refunded.</summary>
    public Transition FailGroup(DateTimeOffset at) =>
        GroupBuyId is not null && Status is OrderStatus.AwaitingPayment or OrderStatus.AwaitingGroup
            ? Cancel(GroupFailedReason, Orders.CancelledBy.System, at)
            : Transition.Refused(Status, "拼团失败取消");

    public const string GroupFailedReason = "拼团失败";
}
