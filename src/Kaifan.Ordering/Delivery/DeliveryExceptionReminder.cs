using Kaifan.Contracts.Events;
using Wolverine;

namespace Kaifan.Ordering.Delivery;

/// <summary>Scheduled durably with each report (Report counts them on the order), for 10 minutes after it.</summary>
public sealed record DeliveryExceptionReminder(Guid OrderId, int Report);

/// <summary>
/// An exception still open after 10 minutes is marked overdue, once, and the ops console raises it. A reminder for an
/// earlier report of the same order, or for one already resolved, does nothing.
/// </summary>
public static class DeliveryExceptionReminderHandler
{
    public static async Task<OutgoingMessages> Handle(DeliveryExceptionReminder message, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.FindAsync([message.OrderId], ct);
        if (order?.ExceptionReportedAt is not { } reportedAt)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        var due = reportedAt + Orders.Order.ExceptionReminderAfter;
        if (order.ExceptionOpen && order.ExceptionCount == message.Report && now < due)
        {
            messages.Delay(message, due - now);
            return messages;
        }

        if (order.MarkExceptionOverdue(message.Report, now))
        {
            messages.Add(new DeliveryExceptionOverdue(order.Id, order.ZoneId, order.ExceptionKind!, reportedAt, now));
        }

        return messages;
    }
}
