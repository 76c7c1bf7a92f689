namespace Kaifan.Web.Api;

/// <summary>Status: pending (处理中), paid (已到账), failed (失败, back in the rider's balance, FailReason the gateway's).</summary>
public sealed record OpsWithdrawalInfo(
    Guid Id, Guid RiderId, long AmountFen, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, string? FailReason);

/// <summary>Pending and PendingFen: every withdrawal still 处理中, whatever the filter; More: older ones beyond those listed.</summary>
public sealed record OpsWithdrawalsInfo(int Pending, long PendingFen, IReadOnlyList<OpsWithdrawalInfo> Withdrawals, bool More);

/// <summary>What 对账 found: the withdrawal's status as the wallet will show it, and the gateway's state (NOT_FOUND: no such bill).</summary>
public sealed record ReconciledInfo(Guid Id, string Status, string GatewayState, DateTimeOffset? CompletedAt, string? FailReason);

public sealed partial class KaifanApi
{
    // Ops console: 提现记录
    /// <summary>All riders' latest <paramref name="limit"/> withdrawals, newest first; status null for all.</summary>
    public Task<ApiResult<OpsWithdrawalsInfo>> OpsWithdrawalsAsync(string? status, int limit, CancellationToken ct = default) =>
        SendAsync<OpsWithdrawalsInfo>(
            HttpMethod.Get, $"api/ops/withdrawals?limit={limit}" + (string.IsNullOrEmpty(status) ? "" : $"&status={Uri.EscapeDataString(status)}"), ct: ct);

    /// <summary>对账: asks the gateway about one pending withdrawal's transfer now.</summary>
    public Task<ApiResult<ReconciledInfo>> ReconcileWithdrawalAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<ReconciledInfo>(HttpMethod.Post, $"api/ops/withdrawals/{id}/reconcile", ct: ct);
}
