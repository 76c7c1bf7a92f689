using System.Globalization;

namespace Kaifan.Web.Components.Customer.Parts;

/// <summary>
/// The 筛选 panel of 附近商家: each condition the customer can tick, as the page's query (?f=open&amp;f=fast) and as the
/// shop list API's. 有优惠 is the shop's own 满减/新客立减 (on its card) or one of Growth's campaigns (the shop badges), so
/// the page applies it to the list it gets.
/// </summary>
public static class ShopFilters
{
    public const string Promotions = "promo";

    public const decimal TopRating = 4.5m;
    public const long LowMinimumFen = 1500;
    public const int FastMinutes = 30;

    /// <summary>Arg fills the label's {0}, so the label says the threshold the list applies.</summary>
    public static readonly (string Value, string Key, string Arg)[] All =
    [
        ("open", "Filter.Open", ""),
        ("fast", "Filter.Fast", FastMinutes.ToString(CultureInfo.InvariantCulture)),
        ("rating", "Filter.TopRated", TopRating.ToString(CultureInfo.InvariantCulture)),
        ("minimum", "Filter.LowMinimum", "¥" + Kaifan.Contracts.Fen.ToYuan(LowMinimumFen)),
        (Promotions, "Filter.Promotions", ""),
    ];

    /// <summary>Only the known conditions, each once, in the panel's order: the page's URL can hold anything.</summary>
    public static IReadOnlyList<string> Known(IEnumerable<string>? asked) =>
        asked is null ? [] : All.Select(f => f.Value).Where(asked.Contains).ToList();

    public static string ApiQuery(IReadOnlyList<string> chosen) => string.Concat(chosen.Select(f => f switch
    {
        "open" => "&openNow=true",
        "fast" => string.Create(CultureInfo.InvariantCulture, $"&maxMinutes={FastMinutes}"),
        "rating" => string.Create(CultureInfo.InvariantCulture, $"&minRating={TopRating}"),
        "minimum" => string.Create(CultureInfo.InvariantCulture, $"&maxMinimumFen={LowMinimumFen}"),
        _ => "",
    }));
}
