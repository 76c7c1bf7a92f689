namespace Kaifan.Growth.PhotoCashback;

/// <summary>Status is scheduled, running, exhausted or ended; Pending counts the claims waiting in its queue.</summary>
internal sealed record PhotoCashbackView(
    Guid Id, Guid MerchantId, long AmountFen, long MinOrderFen, int MinTextLength, int Budget, int Paid, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string OfferedBy, string Status, int Pending)
{
    public static PhotoCashbackView Of(PhotoCashbackCampaign c, DateTimeOffset now, int pending) => new(
        c.Id, c.MerchantId, c.AmountFen, c.MinOrderFen, c.MinTextLength, c.Budget, c.Paid, c.StartsAt, c.EndsAt, c.OfferedBy,
        now < c.StartsAt ? "scheduled" : now >= c.EndsAt ? "ended" : c.Paid >= c.Budget ? "exhausted" : "running", pending);
}

/// <summary>
/// One photo review in the queue: its photos (served by Ordering at /api/review-photos/{id}), the order's paid amount
/// and the text's length the rules looked at. Status is pending, approved or rejected.
/// </summary>
internal sealed record PhotoCashbackClaimView(
    Guid Id, Guid CampaignId, Guid MerchantId, Guid ReviewId, Guid OrderId, long AmountFen, long OrderPaidFen, int TextLength, IReadOnlyList<Guid> PhotoIds,
    string Status, string? RejectReason, DateTimeOffset PostedAt, DateTimeOffset? DecidedAt)
{
    public static PhotoCashbackClaimView Of(PhotoCashbackClaim c) => new(
        c.Id, c.CampaignId, c.MerchantId, c.ReviewId, c.OrderId, c.AmountFen, c.OrderPaidFen, c.TextLength, c.PhotoIds,
        c.Status.ToString().ToLowerInvariant(), c.RejectReason, c.PostedAt, c.DecidedAt);
}
