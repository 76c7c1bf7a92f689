namespace Kaifan.Contracts.Events;

public sealed record PaymentSucceeded(Guid PaymentId, Guid OrderId, long AmountFen, string GatewayTransactionId, DateTimeOffset PaidAt);

/// <summary>Money went back; RefundId is the refund request's id when it answers a <see cref="RefundRequestApproved"/>.</summary>
public sealed record PaymentRefunded(Guid PaymentId, Guid OrderId, long AmountFen, DateTimeOffset RefundedAt, Guid? RefundId = null);
