using System.Text.Json;

namespace Kaifan.Web.Api;

/// <summary>A 社群价 as the consoles list it; Status is scheduled, running or ended.</summary>
public sealed record CommunityPriceInfo(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long MemberPriceFen, int LimitPerOrder,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

/// <summary>A 社群券 pack; Status is scheduled, running, exhausted or ended.</summary>
public sealed record CommunityCouponPackInfo(
    Guid Id, long AmountFen, long MinSpendFen, int Budget, int Claimed, int CouponDays, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status,
    bool ClaimedByMe = false);

/// <summary>A community as its runner manages it; Status is open or closed.</summary>
public sealed record CommunityInfo(
    Guid Id, string Name, string Description, string Code, Guid? MerchantId, string? MerchantName, Guid? ZoneId, int MemberCount, string Status,
    DateTimeOffset CreatedAt, IReadOnlyList<CommunityPriceInfo> Prices, IReadOnlyList<CommunityCouponPackInfo> CouponPacks);

/// <summary>The community page: Members are masked (张*).</summary>
public sealed record CommunityPageInfo(
    Guid Id, string Name, string Description, string Code, Guid? MerchantId, string? MerchantName, int MemberCount, bool IsOpen, bool IsMember,
    IReadOnlyList<string> Members, IReadOnlyList<CommunityPriceInfo> Prices, IReadOnlyList<CommunityCouponPackInfo> CouponPacks);

public sealed record MyCommunityInfo(Guid Id, string Name, string Code, string? MerchantName, int MemberCount, bool IsOpen, int RunningOffers, DateTimeOffset JoinedAt);

/// <summary>A running 社群价 on the shop page, with the community a non-member would join for it.</summary>
public sealed record ShopCommunityPriceInfo(
    Guid Id, Guid ItemId, string ItemName, long ListPriceFen, long MemberPriceFen, int LimitPerOrder, Guid CommunityId, string CommunityName,
    string CommunityCode, bool IsMember);

public sealed record CommunityCouponClaimed(Guid CouponId, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset ExpiresAt);

public sealed record CommunityInput(string Name, string? Description, Guid? ZoneId);

public sealed record CommunityPriceInput(Guid? MerchantId, Guid ItemId, long MemberPriceFen, int LimitPerOrder, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record CommunityCouponPackInput(long AmountFen, long MinSpendFen, int Budget, int CouponDays, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed partial class KaifanApi
{
    // Growth: 社群专享. A console is the station's (ops routes) or a shop's (merchant routes).
    private static string CommunityRoute(bool station) => station ? "api/ops/growth/communities" : "api/merchant/communities";

    public Task<ApiResult<List<CommunityInfo>>> ManagedCommunitiesAsync(bool station, CancellationToken ct = default) =>
        SendAsync<List<CommunityInfo>>(HttpMethod.Get, CommunityRoute(station), ct: ct);

    public Task<ApiResult<CommunityInfo>> CreateCommunityAsync(bool station, CommunityInput input, CancellationToken ct = default) =>
        SendAsync<CommunityInfo>(HttpMethod.Post, CommunityRoute(station), input, ct: ct);

    public Task<ApiResult<CommunityInfo>> CloseCommunityAsync(bool station, Guid id, CancellationToken ct = default) =>
        SendAsync<CommunityInfo>(HttpMethod.Post, $"{CommunityRoute(station)}/{id}/close", ct: ct);

    public Task<ApiResult<CommunityPriceInfo>> AddCommunityPriceAsync(bool station, Guid id, CommunityPriceInput input, CancellationToken ct = default) =>
        SendAsync<CommunityPriceInfo>(HttpMethod.Post, $"{CommunityRoute(station)}/{id}/prices", input, ct: ct);

    public Task<ApiResult<CommunityCouponPackInfo>> AddCommunityCouponPackAsync(bool station, Guid id, CommunityCouponPackInput input, CancellationToken ct = default) =>
        SendAsync<CommunityCouponPackInfo>(HttpMethod.Post, $"{CommunityRoute(station)}/{id}/coupon-packs", input, ct: ct);

    public Task<ApiResult<CommunityPageInfo>> CommunityAsync(string code, CancellationToken ct = default) =>
        SendAsync<CommunityPageInfo>(HttpMethod.Get, $"api/growth/communities/{Uri.EscapeDataString(code)}", ct: ct);

    public Task<ApiResult<CommunityPageInfo>> JoinCommunityAsync(string code, CancellationToken ct = default) =>
        SendAsync<CommunityPageInfo>(HttpMethod.Post, "api/growth/communities/join", new { code }, ct: ct);

    public Task<ApiResult<JsonElement>> LeaveCommunityAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/growth/communities/{id}/leave", ct: ct);

    public Task<ApiResult<List<MyCommunityInfo>>> MyCommunitiesAsync(CancellationToken ct = default) =>
        SendAsync<List<MyCommunityInfo>>(HttpMethod.Get, "api/me/communities", ct: ct);

    public Task<ApiResult<CommunityCouponClaimed>> ClaimCommunityCouponAsync(Guid packId, CancellationToken ct = default) =>
        SendAsync<CommunityCouponClaimed>(HttpMethod.Post, $"api/growth/community-coupons/{packId}/claim", ct: ct);

    public Task<ApiResult<List<ShopCommunityPriceInfo>>> ShopCommunityPricesAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<List<ShopCommunityPriceInfo>>(HttpMethod.Get, $"api/merchants/{merchantId}/community-prices", ct: ct);
}
