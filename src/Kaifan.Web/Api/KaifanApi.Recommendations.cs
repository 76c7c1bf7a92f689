namespace Kaifan.Web.Api;

/// <summary>Reason is "again" (the customer orders here), "new" (still being tried out) or "popular".</summary>
public sealed record RecommendedShopInfo(Guid MerchantId, string Name, string LogoEmoji, double Rating, int MonthlySales, string Reason);

public sealed record RecommendationsInfo(bool Personalised, List<RecommendedShopInfo> Shops);

public sealed record ExperimentAssignmentInfo(string Key, string Variant, bool Running);

public sealed partial class KaifanApi
{
    // Insights: 猜你喜欢 and the experiments the customer app takes part in
    public Task<ApiResult<RecommendationsInfo>> RecommendedShopsAsync(Guid zoneId, int limit, CancellationToken ct = default) =>
        SendAsync<RecommendationsInfo>(HttpMethod.Get, $"api/recommendations/shops?zoneId={zoneId}&limit={limit}", ct: ct);

    public Task<ApiResult<System.Text.Json.JsonElement>> ReportShownShopsAsync(IReadOnlyList<Guid> merchantIds, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, "api/recommendations/impressions", new { merchantIds }, ct: ct);

    public Task<ApiResult<System.Text.Json.JsonElement>> ReportShopClickAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, "api/recommendations/clicks", new { merchantId }, ct: ct);

    public Task<ApiResult<ExperimentAssignmentInfo>> ExperimentAssignmentAsync(string key, CancellationToken ct = default) =>
        SendAsync<ExperimentAssignmentInfo>(HttpMethod.Get, $"api/experiments/{Uri.EscapeDataString(key)}/assignment", ct: ct);
}
