using Kaifan.Payments.Sandbox;
using Kaifan.Payments.Wallet;

namespace Kaifan.Payments;

/// <summary>Asks the gateway to return a payment's money; sent through the outbox once the refund is recorded.</summary>
public sealed record SubmitRefund(Guid RefundId, string OutTradeNo, string OutRefundNo, long AmountFen);

public static class SubmitRefundHandler
{
    /// <summary>
    /// Takes no DbContext on purpose: the gateway call is a call to another system and must not run inside our
    /// transaction. The gateway is idempotent per out_refund_no, so redelivery never refunds twice.
    /// </summary>
    public static Task Handle(SubmitRefund message, SandboxGateway gateway, CancellationToken ct) =>
        gateway.RefundAsync(message.OutTradeNo, message.OutRefundNo, message.AmountFen, PaymentNotifications.RefundPath, ct);
}

internal static class Refunds
{
    /// <summary>
    /// Moves a paid intent to Refunding (guarded by its Version token) and records the one refund it may have.
    /// The caller saves both together with the returned message in its outbox.
    /// </summary>
    public static (Refund Refund, object Submit) Start(PaymentIntent intent, string reason, DateTimeOffset now)
    {
        intent.Status = PaymentStatus.Refunding;
        intent.Version++;
        var refund = new Refund
        {
            Id = Guid.CreateVersion7(now),
            PaymentId = intent.Id,
            AmountFen = intent.AmountFen,
            Reason = reason.Length > 200 ? reason[..200] : reason,
            Status = RefundStatus.Pending,
            RequestedAt = now,
        };
        return (refund, SubmitTo(intent, refund));
    }

    /// <summary>
    /// Part of a paid intent going back for a refund request, numbered by it. The intent's Version moves so two parts
    /// started at once cannot both pass the sum check; the part that returns the last of the money makes it Refunding.
    /// </summary>
    public static (Refund Refund, object Submit) StartPart(PaymentIntent intent, Guid requestId, long amountFen, long refundedBefore, DateTimeOffset now)
    {
        if (refundedBefore + amountFen == intent.AmountFen)
        {
            intent.Status = PaymentStatus.Refunding;
        }

        intent.Version++;
        var refund = new Refund
        {
            Id = requestId,
            PaymentId = intent.Id,
            AmountFen = amountFen,
            Reason = "申请退款 (refund request)",
            Status = RefundStatus.Pending,
            RequestedAt = now,
        };
        return (refund, SubmitTo(intent, refund));
    }

    /// <summary>Money goes back the way it came: a balance payment's refund to the balance, a gateway payment's to the gateway.</summary>
    private static object SubmitTo(PaymentIntent intent, Refund refund) =>
        intent.Channel == PayFromBalance.Channel
            ? new RefundToBalance(refund.Id)
            : new SubmitRefund(refund.Id, intent.OutTradeNo, refund.OutRefundNo, refund.AmountFen);
}
