namespace Kaifan.Payments;

/// <summary>A payment as its customer sees it; payUrl is where the wallet confirmation happens (the sandbox for now).</summary>
internal sealed record PaymentView(
    Guid PaymentId,
    Guid OrderId,
    long AmountFen,
    string Channel,
    string Status,
    string PrepayId,
    string PayUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? RefundedAt)
{
    public static PaymentView Of(PaymentIntent p) =>
        new(p.Id, p.OrderId, p.AmountFen, p.Channel, p.Status.ToString(), p.GatewayPrepayId, $"/sandbox/pay/{p.GatewayPrepayId}",
            p.CreatedAt, p.ExpiresAt, p.PaidAt, p.RefundedAt);
}
