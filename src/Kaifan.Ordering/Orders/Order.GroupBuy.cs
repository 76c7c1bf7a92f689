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

    /// <summary>The customer left (退出拼团) before the group formed; only a paid order waits in 待成团, so it is refunded.</summary>
    public Transition LeaveGroup(DateTimeOffset at) =>
        GroupBuyId is not null && Status == OrderStatus.AwaitingGroup
            ? Cancel(GroupLeftReason, Orders.CancelledBy.Customer, at)
            : Transition.Refused(Status, "退出拼团");

    public const string GroupFailedReason = "拼团失败";
    public const string GroupLeftReason = "退出拼团";
}
