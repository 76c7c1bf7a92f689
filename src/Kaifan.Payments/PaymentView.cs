namespace Kaifan.Payments;

/// <summary>A payment as its customer sees it; payUrl is where the wallet confirmation happens (the sandbox for now; empty for 余额支付, paid at once).</summary>
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
        new(p.Id, p.OrderId, p.AmountFen, p.Channel, p.Status.ToString(), p.GatewayPrepayId, p.Channel == Wallet.PayFromBalance.Channel ? "" : $"/sandbox/pay/{p.GatewayPrepayId}",
            p.CreatedAt, p.ExpiresAt, p.PaidAt, p.RefundedAt);
}
