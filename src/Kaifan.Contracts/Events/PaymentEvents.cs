namespace Kaifan.Contracts.Events;

public sealed record PaymentSucceeded(Guid PaymentId, Guid OrderId, long AmountFen, string GatewayTransactionId, DateTimeOffset PaidAt);

public sealed record PaymentRefunded(Guid PaymentId, Guid OrderId, long AmountFen, DateTimeOffset RefundedAt);
