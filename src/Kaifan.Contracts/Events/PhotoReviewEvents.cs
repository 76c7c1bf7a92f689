namespace Kaifan.Contracts.Events;

/// <summary>
/// A customer reviewed a delivered order with at least one photo (晒图). Ordering states the facts; Growth decides whether
/// a 晒图返现 campaign of the shop covers it. PaidFen is what the customer paid for the order, TextLength counts the
/// review's characters (0 without text), PhotoIds serve the photos at /api/review-photos/{id}.
/// </summary>
public sealed record PhotoReviewPosted(
    Guid ReviewId, Guid OrderId, Guid CustomerId, Guid MerchantId, long PaidFen, int PhotoCount, int TextLength,
    IReadOnlyList<Guid> PhotoIds, DateTimeOffset PlacedAt, DateTimeOffset PostedAt);

/// <summary>A campaign covers the photo review: it waits in the shop's queue (待审核) for approval.</summary>
public sealed record PhotoCashbackQueued(Guid ClaimId, Guid ReviewId, Guid OrderId, long AmountFen, DateTimeOffset QueuedAt);

/// <summary>
/// The shop or the operator approved the claim within the campaign's budget: Ordering gives AmountFen back as a partial
/// refund of the order's payment (capped at what is still refundable) under the refund number ClaimId, once.
/// </summary>
public sealed record PhotoCashbackApproved(Guid ClaimId, Guid ReviewId, Guid OrderId, Guid CustomerId, Guid MerchantId, long AmountFen, DateTimeOffset ApprovedAt);

/// <summary>The claim was refused with a reason the customer reads on the review (未通过（原因）).</summary>
public sealed record PhotoCashbackRejected(Guid ClaimId, Guid ReviewId, Guid OrderId, string Reason, DateTimeOffset RejectedAt);
