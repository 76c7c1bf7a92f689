namespace Kaifan.Ordering.Orders;

/// <summary>
/// The order's last 配送异常: open or closed with its resolution. Note is the rider's own words, shown to staff only;
/// RiderWaiting says the customer can answer 我在，马上到.
/// </summary>
internal sealed record OrderExceptionView(
    string Kind,
    string KindText,
    string? Note,
    Guid? RiderId,
    DateTimeOffset ReportedAt,
    bool Open,
    bool Overdue,
    string? Resolution,
    DateTimeOffset? ResolvedAt,
    bool RiderWaiting,
    bool BackToDispatch)
{
    public static OrderExceptionView? Of(Order order) =>
        order is { ExceptionKind: { } kind, ExceptionReportedAt: { } at }
            ? new(
                kind,
                DeliveryExceptionText.Of(kind),
                order.ExceptionNote,
                order.ExceptionRiderId,
                at,
                order.ExceptionOpen,
                order.ExceptionOverdueAt is not null,
                order.ExceptionResolution,
                order.ExceptionResolvedAt,
                order.ExceptionOpen && kind == Kaifan.Contracts.Events.DeliveryExceptionKinds.CustomerUnreachable,
                order.ExceptionResolution == Kaifan.Contracts.Events.DeliveryExceptionResolutions.Redeliver && order.PickedUpAt is null)
            : null;
}
