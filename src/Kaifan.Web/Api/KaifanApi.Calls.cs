namespace Kaifan.Web.Api;

/// <summary>
/// 号码保护: the relay number that reaches the other party of an order (To is customer, rider or merchant). Display is
/// 170 0000 1234 转 5678, Dial the tel: link; it stops working at ExpiresAt (UTC).
/// </summary>
public sealed record CallRelayInfo(string To, string RelayNumber, string Extension, DateTimeOffset ExpiresAt, string Display, string Dial);

public sealed partial class KaifanApi
{
    /// <summary>联系骑手 / 联系顾客 / 联系商家: 200 with the relay (the same one while it lives); 409 naming `to` when a call makes no sense now.</summary>
    public Task<ApiResult<CallRelayInfo>> CallAsync(Guid orderId, string to, CancellationToken ct = default) =>
        SendAsync<CallRelayInfo>(HttpMethod.Post, $"api/orders/{orderId}/calls", new { to }, ct: ct);
}
