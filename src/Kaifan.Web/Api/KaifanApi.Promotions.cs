namespace Kaifan.Web.Api;

/// <summary>The shop's own 满减 tiers and 新客立减 as the console edits them (off keeps the figures).</summary>
public sealed record PromotionTierInfo(long ThresholdFen, long DiscountFen);

public sealed record ShopPromotionsSettings(bool FullReductionOn, IReadOnlyList<PromotionTierInfo> Tiers, bool NewCustomerOn, long NewCustomerFen);

public sealed partial class KaifanApi
{
    public Task<ApiResult<ShopPromotionsSettings>> ShopPromotionsAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<ShopPromotionsSettings>(HttpMethod.Get, $"api/merchants/{merchantId}/promotions", ct: ct);

    public Task<ApiResult<ShopPromotionsSettings>> SaveShopPromotionsAsync(Guid merchantId, ShopPromotionsSettings settings, CancellationToken ct = default) =>
        SendAsync<ShopPromotionsSettings>(HttpMethod.Put, $"api/merchants/{merchantId}/promotions", settings, ct: ct);
}
