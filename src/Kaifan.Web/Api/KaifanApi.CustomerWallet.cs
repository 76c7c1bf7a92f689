namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    /// <summary>The customer's 余额 and their latest ledger entries, newest first.</summary>
    public Task<ApiResult<CustomerWalletInfo>> MyWalletAsync(int limit = 20, CancellationToken ct = default) =>
        SendAsync<CustomerWalletInfo>(HttpMethod.Get, $"api/me/wallet?limit={limit}", ct: ct);

    /// <summary>充值: answers with the sandbox payUrl, confirmed like an order's payment.</summary>
    public Task<ApiResult<TopUpInfo>> TopUpAsync(long amountFen, CancellationToken ct = default) =>
        SendAsync<TopUpInfo>(HttpMethod.Post, "api/me/wallet/top-ups", new { amountFen }, ct: ct);

    /// <summary>余额支付: paid at once, or a 409 naming balance when it does not cover the order.</summary>
    public Task<ApiResult<PaymentInfo>> PayFromBalanceAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<PaymentInfo>(HttpMethod.Post, $"api/orders/{orderId}/payments", new { channel = "balance" }, ct: ct);
}

public sealed record CustomerWalletInfo(long BalanceFen, IReadOnlyList<WalletEntryInfo> Entries, bool More);

/// <summary>Kind: topUp (充值), payment (余额支付), refund (退款); AmountFen is − for money spent.</summary>
public sealed record WalletEntryInfo(long Id, string Kind, long AmountFen, DateTimeOffset At);

public sealed record TopUpInfo(Guid TopUpId, long AmountFen, string Status, string PayUrl);
