namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    /// <summary>The customer's 余额 and their latest ledger entries, newest first.</summary>
    public Task<ApiResult<CustomerWalletInfo>> MyWalletAsync(int limit = 20, CancellationToken ct = default) =>
        SendAsync<CustomerWalletInfo>(HttpMethod.Get, $"api/me/wallet?limit={limit}", ct: ct);

    /// <summary>充值: answers with the sandbox payUrl, confirmed like an order's payment.</summary>
    public Task<ApiResult<TopUpInfo>> TopUpAsync(long amountFen, CancellationToken ct = default) =>
        SendAsync<TopUpInfo>(HttpMethod.Post, "api/me/wallet/top-ups", new { amountFen }, ct: ct);

    /// <summary>余额退回: the amount leaves the balance at once and goes back to WeChat; 409 naming amountFen when the balance is short of it.</summary>
    public Task<ApiResult<BalanceRefundInfo>> RefundBalanceAsync(long amountFen, CancellationToken ct = default) =>
        SendAsync<BalanceRefundInfo>(HttpMethod.Post, "api/me/wallet/refunds", new { amountFen }, ct: ct);

    /// <summary>余额支付: paid at once, or a 409 naming balance when it does not cover the order.</summary>
    public Task<ApiResult<PaymentInfo>> PayFromBalanceAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<PaymentInfo>(HttpMethod.Post, $"api/orders/{orderId}/payments", new { channel = "balance" }, ct: ct);
}

/// <summary>RefundingFen: what a 余额退回 still has on its way to WeChat; TopUps: the latest top-ups not (yet) in the ledger.</summary>
public sealed record CustomerWalletInfo(long BalanceFen, IReadOnlyList<WalletEntryInfo> Entries, bool More, long RefundingFen, IReadOnlyList<OpenTopUpInfo> TopUps);

/// <summary>Status: Pending (到账中), Expired (已失效) or Returned (paid after it expired, refunded to WeChat).</summary>
public sealed record OpenTopUpInfo(Guid TopUpId, long AmountFen, string Status, DateTimeOffset CreatedAt);

/// <summary>Kind: topUp (充值), payment (余额支付), refund (退款), withdrawal (退回微信), withdrawalFailed (退回失败); AmountFen is − for money that left.</summary>
public sealed record WalletEntryInfo(long Id, string Kind, long AmountFen, DateTimeOffset At);

public sealed record TopUpInfo(Guid TopUpId, long AmountFen, string Status, string PayUrl);

public sealed record BalanceRefundInfo(Guid RefundId, long AmountFen, long BalanceFen);
