namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    /// <summary>可提现 and 待结算 (T+1) and the rider's latest withdrawals.</summary>
    public Task<ApiResult<RiderWalletInfo>> RiderWalletAsync(CancellationToken ct = default) =>
        SendAsync<RiderWalletInfo>(HttpMethod.Get, "api/rider/wallet", ct: ct);

    /// <summary>提现: the same key for a retry of the same amount, so a lost answer never withdraws twice.</summary>
    public Task<ApiResult<WithdrawalInfo>> WithdrawAsync(long amountFen, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<WithdrawalInfo>(HttpMethod.Post, "api/rider/withdrawals", new { amountFen }, idempotencyKey, ct);
}

public sealed record RiderWalletInfo(
    long AvailableFen, long PendingFen, long MinWithdrawalFen, int WithdrawalsLeftToday, IReadOnlyList<WithdrawalInfo> Withdrawals);

/// <summary>Status: Pending (处理中), Paid (已到账), Failed (失败, returned to the balance).</summary>
public sealed record WithdrawalInfo(Guid Id, long AmountFen, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);
