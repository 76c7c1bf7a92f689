namespace Kaifan.Contracts.Events;

/// <summary>
/// After delivery the customer asked for money back (申请退款): AmountFen is what Ordering worked out from what was paid
/// for the chosen lines (the whole order with its fees when WholeOrder). The shop has 24 hours to answer.
/// </summary>
public sealed record RefundRequested(
    Guid RequestId, Guid OrderId, Guid CustomerId, Guid MerchantId, long AmountFen, bool WholeOrder, string Reason, DateTimeOffset RequestedAt);

/// <summary>
/// The request is granted, by the shop (同意) or, unanswered for 24 hours, automatically: Payments refunds AmountFen of
/// the order's payment under the refund number RequestId, and answers with PaymentRefunded carrying it as RefundId.
/// </summary>
public sealed record RefundRequestApproved(Guid RequestId, Guid OrderId, Guid MerchantId, long AmountFen, bool Automatic, DateTimeOffset ApprovedAt);

/// <summary>The shop refused the request (拒绝) with a reason the customer sees.</summary>
public sealed record RefundRequestRejected(Guid RequestId, Guid OrderId, Guid MerchantId, DateTimeOffset RejectedAt);
