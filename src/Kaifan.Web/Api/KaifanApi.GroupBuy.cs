namespace Kaifan.Web.Api;

/// <summary>An open group on the shop page: 差Missing人成团 until ExpiresAt.</summary>
public sealed record OpenGroupInfo(Guid Id, int Size, int Taken, int Missing, DateTimeOffset ExpiresAt);

/// <summary>A running 拼团 deal of one of the shop's dishes.</summary>
public sealed record ShopGroupDealInfo(
    Guid Id, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen, int GroupSize, int WindowMinutes, IReadOnlyList<OpenGroupInfo> OpenGroups);

/// <summary>A seat as everyone sees it: 团长 or 团员, paid or paying, and whether it is the viewer's.</summary>
public sealed record GroupSeatInfo(bool IsLeader, bool Paid, bool IsMe);

/// <summary>Status is open, formed, failed or disbanded (everyone left); CanLeave: the viewer paid for a seat and may still 退出拼团.</summary>
public sealed record GroupInfo(
    Guid Id, Guid DealId, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen,
    int Size, int Taken, int Paid, int Missing, string Status, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, DateTimeOffset? FormedAt,
    IReadOnlyList<GroupSeatInfo> Seats, bool CanJoin, Guid? MyOrderId, bool CanLeave = false);

/// <summary>A deal as the consoles list it; Status is scheduled, running, ended or stopped.</summary>
public sealed record GroupDealInfo(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen, int GroupSize,
    int WindowMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, int GroupsOpen, int GroupsFormed, int GroupsFailed, int GroupsDisbanded);

public sealed record GroupDealInput(Guid? MerchantId, Guid ItemId, long GroupPriceFen, int GroupSize, int WindowMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed partial class KaifanApi
{
    // Growth: 拼团
    public Task<ApiResult<List<ShopGroupDealInfo>>> ShopGroupDealsAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<List<ShopGroupDealInfo>>(HttpMethod.Get, $"api/merchants/{merchantId}/group-deals", ct: ct);

    public Task<ApiResult<GroupInfo>> GroupAsync(Guid groupId, CancellationToken ct = default) =>
        SendAsync<GroupInfo>(HttpMethod.Get, $"api/growth/groups/{groupId}", ct: ct);

    /// <summary>退出拼团: 204 and the order is cancelled and refunded a moment later; 422 once the group formed or ended.</summary>
    public Task<ApiResult<System.Text.Json.JsonElement>> LeaveGroupAsync(Guid groupId, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, $"api/growth/groups/{groupId}/leave", ct: ct);

    public Task<ApiResult<List<GroupDealInfo>>> MerchantGroupDealsAsync(CancellationToken ct = default) =>
        SendAsync<List<GroupDealInfo>>(HttpMethod.Get, "api/merchant/group-deals", ct: ct);

    public Task<ApiResult<GroupDealInfo>> CreateMerchantGroupDealAsync(GroupDealInput input, CancellationToken ct = default) =>
        SendAsync<GroupDealInfo>(HttpMethod.Post, "api/merchant/group-deals", input, ct: ct);

    public Task<ApiResult<GroupDealInfo>> StopMerchantGroupDealAsync(Guid dealId, CancellationToken ct = default) =>
        SendAsync<GroupDealInfo>(HttpMethod.Post, $"api/merchant/group-deals/{dealId}/stop", ct: ct);

    public Task<ApiResult<List<GroupDealInfo>>> OpsGroupDealsAsync(CancellationToken ct = default) =>
        SendAsync<List<GroupDealInfo>>(HttpMethod.Get, "api/ops/growth/group-deals", ct: ct);

    public Task<ApiResult<GroupDealInfo>> StopOpsGroupDealAsync(Guid dealId, CancellationToken ct = default) =>
        SendAsync<GroupDealInfo>(HttpMethod.Post, $"api/ops/growth/group-deals/{dealId}/stop", ct: ct);
}
