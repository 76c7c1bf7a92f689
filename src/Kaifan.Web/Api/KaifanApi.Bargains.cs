namespace Kaifan.Web.Api;

public sealed record BargainTierInput(int CutPercent, long AmountFen, long MinSpendFen);

public sealed record BargainCampaignInput(
    Guid MerchantId, Guid DishId, long FloorPriceFen, int HelpersNeeded, int HoursToBargain, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays,
    IReadOnlyList<BargainTierInput> Tiers);

public sealed record BargainCampaignStats(int BargainsStarted, int Helpers, int FloorsReached, int CouponsGranted);

public sealed record BargainCampaignInfo(
    Guid Id, Guid MerchantId, string MerchantName, Guid DishId, string DishName, long OriginalPriceFen, long FloorPriceFen, int HelpersNeeded,
    int HoursToBargain, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays, List<BargainTierInput> Tiers, string Status, BargainCampaignStats Stats);

public sealed record RunningBargainCampaign(
    Guid Id, Guid MerchantId, string MerchantName, string DishName, long OriginalPriceFen, long FloorPriceFen, int HelpersNeeded, int HoursToBargain,
    DateTimeOffset EndsAt, Guid? MyBargainId);

public sealed record BargainTierProgress(int CutPercent, long AmountFen, long MinSpendFen, bool Reached);

public sealed record BargainHelper(string Label, long AmountFen, DateTimeOffset CutAt);

public sealed record BargainReward(Guid CouponId, int CutPercent, long AmountFen, long MinSpendFen, DateTimeOffset GrantedAt);

public sealed record BargainInfo(
    Guid Id, Guid CampaignId, Guid MerchantId, string MerchantName, string DishName, long OriginalPriceFen, long FloorPriceFen, long CurrentPriceFen,
    long CutFen, int HelpersNeeded, int Helpers, string Status, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Mine, bool CanHelp, long? MyCutFen,
    List<BargainTierProgress> Tiers, List<BargainHelper> Cuts, List<BargainReward>? Rewards);

public sealed record BargainCutInfo(long CutFen, BargainInfo Bargain);

public sealed partial class KaifanApi
{
    // Growth: 砍价
    public Task<ApiResult<List<BargainCampaignInfo>>> BargainCampaignsAsync(CancellationToken ct = default) =>
        SendAsync<List<BargainCampaignInfo>>(HttpMethod.Get, "api/ops/growth/bargain-campaigns", ct: ct);

    public Task<ApiResult<BargainCampaignInfo>> CreateBargainCampaignAsync(BargainCampaignInput input, CancellationToken ct = default) =>
        SendAsync<BargainCampaignInfo>(HttpMethod.Post, "api/ops/growth/bargain-campaigns", input, ct: ct);

    public Task<ApiResult<List<RunningBargainCampaign>>> RunningBargainCampaignsAsync(CancellationToken ct = default) =>
        SendAsync<List<RunningBargainCampaign>>(HttpMethod.Get, "api/growth/bargain-campaigns", ct: ct);

    public Task<ApiResult<BargainInfo>> StartBargainAsync(Guid campaignId, CancellationToken ct = default) =>
        SendAsync<BargainInfo>(HttpMethod.Post, "api/growth/bargains", new { campaignId }, ct: ct);

    public Task<ApiResult<BargainInfo>> BargainAsync(Guid bargainId, CancellationToken ct = default) =>
        SendAsync<BargainInfo>(HttpMethod.Get, $"api/growth/bargains/{bargainId}", ct: ct);

    public Task<ApiResult<BargainCutInfo>> CutBargainAsync(Guid bargainId, CancellationToken ct = default) =>
        SendAsync<BargainCutInfo>(HttpMethod.Post, $"api/growth/bargains/{bargainId}/cuts", ct: ct);
}
