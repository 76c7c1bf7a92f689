namespace Kaifan.Contracts.Events;

/// <summary>
/// 提现: a rider asked for AmountFen of their settled earnings, already held back from their balance. Payments transfers it
/// to the rider's WeChat change (商家转账到零钱) under the transfer number WithdrawalId, once, and answers with
/// <see cref="RiderWithdrawalPaid"/> or <see cref="RiderWithdrawalFailed"/>.
/// </summary>
public sealed record RiderWithdrawalRequested(Guid WithdrawalId, Guid RiderId, long AmountFen, DateTimeOffset RequestedAt);

/// <summary>The gateway says the money reached the rider (已到账); GatewayBillNo is its transfer bill number.</summary>
public sealed record RiderWithdrawalPaid(Guid WithdrawalId, string GatewayBillNo, DateTimeOffset PaidAt);

/// <summary>The gateway could not pay the rider; the amount returns to their balance. Reason is the gateway's.</summary>
public sealed record RiderWithdrawalFailed(Guid WithdrawalId, string Reason, DateTimeOffset FailedAt);
