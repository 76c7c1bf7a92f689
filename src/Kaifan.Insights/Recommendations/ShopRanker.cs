using Kaifan.Contracts.Queries;
using MathNet.Numerics.Distributions;

namespace Kaifan.Insights.Recommendations;

/// <summary>What the ranker knows of one shop: how often the shelf showed it and how often an order followed.</summary>
internal readonly record struct ShelfRecord(int Impressions, int Conversions);

/// <summary>A recommended shop and the main reason it is there: "again" (you order here), "new" (still being tried out) or "popular".</summary>
internal sealed record RankedShop(ShopSummary Shop, double Score, string Reason);

/// <summary>
/// 猜你喜欢's score: the customer's own affinity (recency-weighted orders, weighted so that the shop they order from
/// most outranks every shop they never ordered from), station-wide popularity (log of recent orders, relative to the busiest shop), and a
/// Thompson sample from the shop's Beta posterior of impression→order conversion. A shop seldom shown has a wide
/// posterior and now and then draws high, so it gets its turn; one shown often settles at its real rate.
/// </summary>
internal static class ShopRanker
{
    public const double AffinityWeight = 3;
    public const double PopularityWeight = 1;
    public const double ExplorationWeight = 1;

    /// <summary>Below this many impressions a shop counts as still being tried out.</summary>
    public const int NewShopImpressions = 20;

    public static IReadOnlyList<RankedShop> Rank(
        IEnumerable<ShopSummary> shops, IReadOnlyDictionary<Guid, double> affinity, IReadOnlyDictionary<Guid, int> recentOrders,
        IReadOnlyDictionary<Guid, ShelfRecord> shelf, Random random, int limit)
    {
        var open = shops.Where(s => s.IsOpenNow).ToList();
        var topAffinity = affinity.Values.DefaultIfEmpty(0).Max();
        var topOrders = Math.Log(1 + recentOrders.Values.DefaultIfEmpty(0).Max());
        return open
            .Select(shop =>
            {
                var mine = topAffinity > 0 ? affinity.GetValueOrDefault(shop.Id) / topAffinity : 0;
                var popular = topOrders > 0 ? Math.Log(1 + recentOrders.GetValueOrDefault(shop.Id)) / topOrders : 0;
                var record = shelf.GetValueOrDefault(shop.Id);
                var drawn = Beta.Sample(random, 1 + record.Conversions, 1 + Math.Max(0, record.Impressions - record.Conversions));
                var score = (AffinityWeight * mine) + (PopularityWeight * popular) + (ExplorationWeight * drawn);
                var reason = mine > 0 ? "again" : record.Impressions < NewShopImpressions ? "new" : "popular";
                return new RankedShop(shop, score, reason);
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.Shop.Id)
            .Take(limit)
            .ToList();
    }

    /// <summary>Each order counts 1 on its day and half as much every HalfLifeDays after.</summary>
    public static IReadOnlyDictionary<Guid, double> Affinity(IEnumerable<(Guid MerchantId, DateTimeOffset PlacedAt)> orders, DateTimeOffset now) =>
        orders.GroupBy(o => o.MerchantId)
            .ToDictionary(g => g.Key, g => g.Sum(o => Math.Pow(0.5, Math.Max(0, (now - o.PlacedAt).TotalDays) / HalfLifeDays)));

    public const double HalfLifeDays = 30;
}

/// <summary>The ranker's randomness, one instance for the app so tests can seed it; Random is not thread-safe, hence the lock.</summary>
internal sealed class RecommendationRandom(Random random)
{
    private readonly Lock gate = new();

    public RecommendationRandom()
        : this(new Random())
    {
    }

    public T Use<T>(Func<Random, T> draw)
    {
        lock (gate)
        {
            return draw(random);
        }
    }
}
