using Kaifan.Contracts.Events;

namespace Kaifan.Ordering.Orders;

/// <summary>Why a report or a resolution of a 配送异常 was refused, and the request field it concerns (answered 409).</summary>
internal readonly record struct ExceptionRefusal(string Detail, string Field);

/// <summary>
/// 配送异常: the rider who carries the order reports that it cannot be handed over (one open at a time, each kind only
/// at the stage where it can happen); an operator resolves it — back to dispatch or try again, cancel and refund, or
/// count it delivered — or, for 无法联系收货人, the customer answers 我在，马上到. The last exception stays on the order
/// with its outcome, so the rider's card and the customer's page can say how it ended.
/// </summary>
internal sealed partial class Order
{
    public static readonly TimeSpan ExceptionReminderAfter = TimeSpan.FromMinutes(10);

    public string? ExceptionKind { get; private set; }

    /// <summary>The rider's short note (≤ 100 characters); may describe the customer, so export and erasure cover it.</summary>
    public string? ExceptionNote { get; private set; }
    public DateTimeOffset? ExceptionReportedAt { get; private set; }

    /// <summary>Who reported it: the order's rider may be cleared once it goes back to dispatch.</summary>
    public Guid? ExceptionRiderId { get; private set; }

    /// <summary>Counts reports, so a reminder scheduled for an earlier one finds it is not its own.</summary>
    public int ExceptionCount { get; private set; }

    /// <summary>Set while an exception waits for an operator; the ops queue reads these rows only.</summary>
    public bool ExceptionOpen { get; private set; }
    public DateTimeOffset? ExceptionOverdueAt { get; private set; }
    public string? ExceptionResolution { get; private set; }
    public DateTimeOffset? ExceptionResolvedAt { get; private set; }

    public static bool IsKind(string? kind) => kind is not null && DeliveryExceptionKinds.All.Contains(kind);

    /// <summary>Whether the kind can happen at the order's stage: pickup fails before pickup, a customer only fails to answer at the door.</summary>
    public bool ExceptionFits(string kind) => kind switch
    {
        DeliveryExceptionKinds.PickupFailed => Status is OrderStatus.RiderAssigned or OrderStatus.ArrivedAtMerchant,
        DeliveryExceptionKinds.CustomerUnreachable => Status == OrderStatus.PickedUp && ArrivedAtCustomerAt is not null,
        DeliveryExceptionKinds.CustomerRefused => Status == OrderStatus.PickedUp,
        DeliveryExceptionKinds.RoadBlocked => Status is OrderStatus.RiderAssigned or OrderStatus.ArrivedAtMerchant or OrderStatus.PickedUp,
        _ => false,
    };

    public ExceptionRefusal? ReportException(string kind, string? note, DateTimeOffset now)
    {
        if (ExceptionOpen)
        {
            return new("该订单已有待处理的配送异常 (an exception on this order is already waiting for ops)", "kind");
        }

        if (!ExceptionFits(kind))
        {
            return new($"订单当前状态为{OrderStatusText.Of(Status)}，不能上报“{DeliveryExceptionText.Of(kind)}” (the kind does not fit the order's stage)", "kind");
        }

        ExceptionKind = kind;
        ExceptionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ExceptionReportedAt = now;
        ExceptionRiderId = RiderId;
        ExceptionCount++;
        ExceptionOpen = true;
        ExceptionOverdueAt = null;
        ExceptionResolution = null;
        ExceptionResolvedAt = null;
        Version++;
        return null;
    }

    /// <summary>Before pickup 重新配送 hands the order back to dispatch; after it the rider keeps it and tries again.</summary>
    public bool RedeliveryGoesBackToDispatch => PickedUpAt is null;

    /// <summary>The operator's decision; the caller publishes what the order's own step means (cancelled, delivered).</summary>
    public ExceptionRefusal? ResolveException(string resolution, DateTimeOffset now)
    {
        if (!ExceptionOpen)
        {
            return new("该订单没有待处理的配送异常 (no exception waiting on this order)", "resolution");
        }

        var step = resolution switch
        {
            DeliveryExceptionResolutions.Redeliver => Transition.Ok,
            DeliveryExceptionResolutions.CancelAndRefund =>
                Status is OrderStatus.Delivered or OrderStatus.Cancelled
                    ? Transition.Refused(Status, "取消")
                    : Cancel($"配送异常：{DeliveryExceptionText.Of(ExceptionKind!)}", Orders.CancelledBy.Operator, now),
            DeliveryExceptionResolutions.DeliveredAnyway => Deliver(Orders.DeliveryMethod.Door, null, null, now),
            _ => new(false, "处理方式须为 redeliver、cancel_and_refund 或 delivered_anyway (unknown resolution)"),
        };
        if (!step.Done)
        {
            return new(step.Error!, "resolution");
        }

        Close(resolution, now);
        return null;
    }

    /// <summary>我在，马上到: only a customer the rider could not reach can close it, and only while it is open.</summary>
    public ExceptionRefusal? AnswerRider(DateTimeOffset now)
    {
        if (!ExceptionOpen || ExceptionKind != DeliveryExceptionKinds.CustomerUnreachable)
        {
            return new("骑手没有在等待您的回应 (the rider is not waiting for you)", "exception");
        }

        Close(DeliveryExceptionResolutions.CustomerResponded, now);
        return null;
    }

    /// <summary>The 10-minute reminder: marks the report overdue once, if it is the same report and still open.</summary>
    public bool MarkExceptionOverdue(int report, DateTimeOffset now)
    {
        if (!ExceptionOpen || ExceptionCount != report || ExceptionOverdueAt is not null)
        {
            return false;
        }

        ExceptionOverdueAt = now;
        Version++;
        return true;
    }

    private void Close(string resolution, DateTimeOffset now)
    {
        ExceptionOpen = false;
        ExceptionResolution = resolution;
        ExceptionResolvedAt = now;
        Version++;
    }
}

internal static class DeliveryExceptionText
{
    public static string Of(string kind) => kind switch
    {
        DeliveryExceptionKinds.PickupFailed => "商家无法出餐",
        DeliveryExceptionKinds.CustomerUnreachable => "无法联系收货人",
        DeliveryExceptionKinds.CustomerRefused => "收货人拒收",
        DeliveryExceptionKinds.RoadBlocked => "天气/道路原因无法送达",
        _ => kind,
    };
}
