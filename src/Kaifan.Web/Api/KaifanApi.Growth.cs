namespace Kaifan.Web.Api;

public sealed record SecretCodeInfo(
    Guid Id, string Code, long AmountFen, long MinSpendFen, int Budget, int Claimed, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays, string Status);

public sealed record SecretCodeInput(string Code, long AmountFen, long MinSpendFen, int Budget, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays);

public sealed record SecretCodeClaimInfo(Guid CouponId, string Code, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset ExpiresAt);

/// <summary>Kinds: groupDeal, bargain, presale, photoCashback — the promotions of the shop a customer can join now.</summary>
public sealed record ShopBadgesInfo(Guid MerchantId, List<string> Kinds);

public sealed partial class KaifanApi
{
    public Task<ApiResult<List<ShopBadgesInfo>>> ShopBadgesAsync(CancellationToken ct = default) =>
        SendAsync<List<ShopBadgesInfo>>(HttpMethod.Get, "api/growth/shop-badges", ct: ct);

    // Growth: 口令红包
    public Task<ApiResult<List<SecretCodeInfo>>> SecretCodesAsync(CancellationToken ct = default) =>
        SendAsync<List<SecretCodeInfo>>(HttpMethod.Get, "api/ops/growth/secret-codes", ct: ct);

    public Task<ApiResult<SecretCodeInfo>> CreateSecretCodeAsync(SecretCodeInput input, CancellationToken ct = default) =>
        SendAsync<SecretCodeInfo>(HttpMethod.Post, "api/ops/growth/secret-codes", input, ct: ct);

    public Task<ApiResult<SecretCodeInfo>> StopSecretCodeAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<SecretCodeInfo>(HttpMethod.Post, $"api/ops/growth/secret-codes/{id}/stop", ct: ct);

    public Task<ApiResult<SecretCodeClaimInfo>> ClaimSecretCodeAsync(string code, CancellationToken ct = default) =>
        SendAsync<SecretCodeClaimInfo>(HttpMethod.Post, "api/growth/secret-codes/claim", new { code }, ct: ct);
}
