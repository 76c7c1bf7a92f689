using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Customer.Parts;

/// <summary>
/// 猜你喜欢 as the home page draws it: the shelf, and where it goes — the A/B experiment "home.recommendations.position"
/// decides above (top, the control) or below (bottom) the shop list. What is drawn is reported back in one call, so the
/// recommender learns which shops were shown.
/// </summary>
public sealed record HomeShelf(RecommendationsInfo Shelf, bool OnTop)
{
    public const string PositionExperiment = "home.recommendations.position";
    private const int Size = 6;

    public static async Task<HomeShelf?> LoadAsync(KaifanApi api, Guid zoneId)
    {
        var shelfTask = api.RecommendedShopsAsync(zoneId, Size);
        var placement = await api.ExperimentAssignmentAsync(PositionExperiment);
        var shelf = (await shelfTask).Value;
        if (shelf is not { Shops.Count: > 0 })
        {
            return null;
        }

        await api.ReportShownShopsAsync(shelf.Shops.Select(s => s.MerchantId).ToList());
        return new HomeShelf(shelf, OnTop: placement.Value?.Variant != "bottom");
    }
}
