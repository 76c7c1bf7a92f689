using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Kaifan.Payments;

/// <summary>Payments' own follow-up to an approved refund request, so its work runs in a chain that holds only PaymentsDb.</summary>
public sealed record RefundOrderPart(Guid RequestId, Guid OrderId, long AmountFen);

/// <summary>
/// An approved refund request (申请退款 after delivery): part or all of the payment goes back under the refund number
/// RequestId, once. The refunds of a payment never add up to more than it collected, whatever Ordering asks: parts of one
/// order handled at once take turns on its payment row (a no-op update), so each sum includes the refunds before it.
/// </summary>
public static class RefundApprovedRequestHandler
{
    public static RefundOrderPart Handle(RefundRequestApproved approved) => new(approved.RequestId, approved.OrderId, approved.AmountFen);

    public static async Task Handle(RefundOrderPart command, PaymentsDb db, IMessageBus bus, TimeProvider clock, ILogger<RefundOrderPart> log, CancellationToken ct)
    {
        await db.Intents.Where(p => p.OrderId == command.OrderId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), ct);
        if (await db.Refunds.AnyAsync(r => r.Id == command.RequestId, ct))
        {
            return;
        }

        var intent = await db.Intents.FirstOrDefaultAsync(p => p.OrderId == command.OrderId && p.Status == PaymentStatus.Succeeded, ct);
        var refunded = intent is null ? 0 : await db.Refunds.Where(r => r.PaymentId == intent.Id && r.Status != RefundStatus.Closed).SumAsync(r => r.AmountFen, ct);
        if (intent is null || command.AmountFen <= 0 || refunded + command.AmountFen > intent.AmountFen)
        {
            log.LogError("Refund request {RequestId} of order {OrderId} for {AmountFen} fen cannot be refunded from its payment", command.RequestId, command.OrderId, command.AmountFen);
            return;
        }

        var (refund, submit) = Refunds.StartPart(intent, command.RequestId, command.AmountFen, refunded, clock.GetUtcNow());
        db.Refunds.Add(refund);
        await bus.PublishAsync(submit);
    }
}
