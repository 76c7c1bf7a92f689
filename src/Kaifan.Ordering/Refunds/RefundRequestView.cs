namespace Kaifan.Ordering.Refunds;

internal sealed record RefundLineView(int Line, string Name, int Quantity, long AmountFen);

/// <summary>
/// A refund request as the customer's page and the shop's board show it: status pending / approved / refunded /
/// rejected, the amount, what it covers, why; AutoApproveAt (UTC) is when an unanswered one is granted by itself;
/// RefundAbnormal while an approved one's money is stuck at the gateway (退款异常, the station pays it by hand).
/// </summary>
internal sealed record RefundRequestView(
    Guid Id,
    Guid OrderId,
    string Status,
    bool WholeOrder,
    IReadOnlyList<RefundLineView> Lines,
    string Reason,
    string ReasonText,
    string? Note,
    long AmountFen,
    DateTimeOffset RequestedAt,
    DateTimeOffset AutoApproveAt,
    DateTimeOffset? DecidedAt,
    bool ApprovedAutomatically,
    string? RejectReason,
    DateTimeOffset? RefundedAt,
    bool RefundAbnormal)
{
    public static RefundRequestView Of(RefundRequest r) => new(
        r.Id,
        r.OrderId,
        r.Status.ToString().ToLowerInvariant(),
        r.WholeOrder,
        r.Lines.Select(l => new RefundLineView(l.Line, l.Name, l.Quantity, l.AmountFen)).ToList(),
        r.Reason,
        RefundReasons.All.GetValueOrDefault(r.Reason, r.Reason),
        r.Note,
        r.AmountFen,
        r.RequestedAt,
        r.AutoApproveAt,
        r.DecidedAt,
        r.ApprovedAutomatically,
        r.RejectReason,
        r.RefundedAt,
        r.RefundAbnormal);
}

/// <summary>
/// What the order page needs about refunds: the latest request (null when none), whether 申请退款 may be tapped now
/// and until when (UTC), what has come back so far and what is still refundable.
/// </summary>
internal sealed record OrderRefundView(RefundRequestView? Latest, bool CanRequest, DateTimeOffset? RequestUntil, long RefundedFen, long RefundableFen);
