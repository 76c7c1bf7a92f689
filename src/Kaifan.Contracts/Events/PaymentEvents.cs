namespace Kaifan.Contracts.Events;

public sealed record PaymentSucceeded(Guid PaymentId, Guid OrderId, long AmountFen, string GatewayTransactionId, DateTimeOffset PaidAt);

/// <summary>Money went back; RefundId is the refund request's id when it answers a <see cref="RefundRequestApproved"/>.</summary>
public sealed record PaymentRefunded(Guid PaymentId, Guid OrderId, long AmountFen, DateTimeOffset RefundedAt, Guid? RefundId = null);

/// <summary>
/// The gateway could not pay a refund back (REFUND.ABNORMAL / REFUND.CLOSED): the customer is still owed it and the
/// station pays it by hand; <see cref="PaymentRefunded"/> follows once it is paid. RefundId as there.
/// </summary>
public sealed record PaymentRefundAbnormal(Guid PaymentId, Guid OrderId, long AmountFen, DateTimeOffset At, Guid? RefundId = null);
