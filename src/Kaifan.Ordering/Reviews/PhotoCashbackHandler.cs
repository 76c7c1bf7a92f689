using Kaifan.Contracts.Events;
using Kaifan.Ordering.Refunds;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// Growth's decisions on a 晒图返现 claim, kept on the review for its author. An approval pays the money back through the
/// refund path (Payments refunds the RefundRequestApproved under the claim's id), capped at what the order still has to
/// refund; the claim's id is the refund's, so a redelivered approval finds it and pays nothing more.
/// </summary>
public static class PhotoCashbackHandler
{
    public const string NothingLeft = "订单已全额退款，无法返现";

    public static async Task Handle(PhotoCashbackQueued queued, OrderingDb db, CancellationToken ct)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == queued.ReviewId, ct);
        review?.CashbackQueued(queued.ClaimId, queued.AmountFen);
    }

    public static async Task Handle(PhotoCashbackRejected rejected, OrderingDb db, CancellationToken ct)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == rejected.ReviewId, ct);
        review?.CashbackRejected(rejected.ClaimId, rejected.Reason);
    }

    public static async Task<OutgoingMessages> Handle(PhotoCashbackApproved approved, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == approved.OrderId, ct);
        if (order is null || await db.RefundRequests.AnyAsync(r => r.Id == approved.ClaimId, ct))
        {
            return messages;
        }

        var earlier = await db.RefundRequests.Where(r => r.OrderId == order.Id).ToListAsync(ct);
        var amount = Math.Min(approved.AmountFen, RefundAmounts.Remaining(order, earlier));
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == approved.ReviewId, ct);
        if (amount <= 0)
        {
            review?.CashbackRejected(approved.ClaimId, NothingLeft);
            return messages;
        }

        review?.CashbackPaid(approved.ClaimId, amount);

        // Moves the order's version like a customer's request, so a request racing this one cannot spend the same money.
        order.ClaimRefund();
        db.RefundRequests.Add(RefundRequest.Cashback(approved.ClaimId, order, amount, approved.ApprovedAt));
        messages.Add(new RefundRequestApproved(approved.ClaimId, order.Id, order.MerchantId, amount, Automatic: true, approved.ApprovedAt));
        return messages;
    }
}
