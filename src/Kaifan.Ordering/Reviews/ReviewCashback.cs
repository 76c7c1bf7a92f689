namespace Kaifan.Ordering.Reviews;

internal enum CashbackStatus
{
    /// <summary>待审核: a campaign covers the review and the shop has not decided yet.</summary>
    Pending,

    /// <summary>已返现: approved; the amount went back to the payment.</summary>
    Paid,

    /// <summary>未通过: refused, with the reason the customer reads.</summary>
    Rejected,
}

/// <summary>
/// The 晒图返现 state shown on the customer's own review: pending, paid or rejected. AmountFen is the campaign's amount
/// while pending and what actually went back once paid (less only when less was still refundable).
/// </summary>
internal sealed record ReviewCashbackView(string Status, long AmountFen, string? Reason)
{
    public static ReviewCashbackView? Of(Review review) => review.CashbackStatus is { } status
        ? new(status.ToString().ToLowerInvariant(), review.CashbackFen, review.CashbackReason)
        : null;
}
