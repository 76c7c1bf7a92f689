using Kaifan.Contracts.Events;
using Wolverine;

namespace Kaifan.Ordering.Refunds;

/// <summary>Scheduled durably with each refund request, for the end of the shop's 24 hours to answer.</summary>
public sealed record RefundAnswerDue(Guid RequestId);

/// <summary>A request the shop left unanswered for 24 hours is approved automatically, as the customer's page promised.</summary>
public static class RefundAnswerDueHandler
{
    public static async Task<OutgoingMessages> Handle(RefundAnswerDue message, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var request = await db.RefundRequests.FindAsync([message.RequestId], ct);
        if (request is null || request.Status != RefundRequestStatus.Pending)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < request.AutoApproveAt)
        {
            messages.Delay(message, request.AutoApproveAt - now);
            return messages;
        }

        if (RefundDecisions.Approve(request, now, automatically: true) is { } approved)
        {
            messages.Add(approved);
        }

        return messages;
    }
}

internal static class RefundDecisions
{
    /// <summary>
    /// Grants a pending request: what Payments must refund, or null when there is nothing to send (already decided, or
    /// a line that cost nothing after its discount, which counts as refunded at once).
    /// </summary>
    public static RefundRequestApproved? Approve(RefundRequest request, DateTimeOffset now, bool automatically)
    {
        if (!request.Approve(now, automatically))
        {
            return null;
        }

        if (request.AmountFen == 0)
        {
            request.MarkRefunded(now);
            return null;
        }

        return new RefundRequestApproved(request.Id, request.OrderId, request.MerchantId, request.AmountFen, automatically, now);
    }
}
