using Kaifan.Contracts.Queries;
using Kaifan.Insights.Recommendations;

namespace Kaifan.Tests.Insights;

/// <summary>猜你喜欢's ranking with a seeded random: affinity only when given, exploration of shops the shelf has not tried, closed shops never.</summary>
public sealed class ShopRankerTests
{
    private static readonly ShopSummary Regular = Shop(1, "老地方");
    private static readonly ShopSummary Busy = Shop(2, "人气王");
    private static readonly ShopSummary Unknown = Shop(3, "新开张");
    private static readonly ShopSummary Closed = Shop(4, "休息中", open: false);
    private static readonly ShopSummary[] Zone = [Regular, Busy, Unknown, Closed, Shop(5, "一般"), Shop(6, "也一般"), Shop(7, "还行")];

    private static readonly Dictionary<Guid, int> RecentOrders = new()
    {
        [Busy.Id] = 400, [Regular.Id] = 3, [Zone[4].Id] = 80, [Zone[5].Id] = 60, [Zone[6].Id] = 50, [Closed.Id] = 900,
    };

    /// <summary>Every shop but Unknown has been shown hundreds of times and converts at about 5%.</summary>
    private static readonly Dictionary<Guid, ShelfRecord> Shelf =
        Zone.Where(s => s != Unknown).ToDictionary(s => s.Id, _ => new ShelfRecord(500, 25));

    [Fact]
    public void the_shop_a_customer_orders_from_ranks_first_with_their_history_and_not_without_it()
    {
        var now = DateTimeOffset.Parse("2026-11-29T04:00:00Z");
        var affinity = ShopRanker.Affinity([(Regular.Id, now.AddDays(-3)), (Regular.Id, now.AddDays(-20))], now);

        for (var seed = 0; seed < 20; seed++)
        {
            var personal = ShopRanker.Rank(Zone, affinity, RecentOrders, Shelf, new Random(seed), limit: 4);
            personal[0].Shop.ShouldBe(Regular);
            personal[0].Reason.ShouldBe("again");

            var plain = ShopRanker.Rank(Zone, new Dictionary<Guid, double>(), RecentOrders, Shelf, new Random(seed), limit: 4);
            plain[0].Shop.ShouldNotBe(Regular, $"seed {seed}: 3 orders a month is far from the busiest shop's 400");
            plain.ShouldNotContain(r => r.Reason == "again");
        }
    }

    [Fact]
    public void recent_orders_weigh_more_than_old_ones_halving_every_thirty_days()
    {
        var now = DateTimeOffset.Parse("2026-11-29T04:00:00Z");

        var affinity = ShopRanker.Affinity([(Regular.Id, now), (Busy.Id, now.AddDays(-30)), (Busy.Id, now.AddDays(-60))], now);

        affinity[Regular.Id].ShouldBe(1, 1e-9);
        affinity[Busy.Id].ShouldBe(0.5 + 0.25, 1e-9);
    }

    [Fact]
    public void a_shop_never_shown_gets_a_turn_within_ten_requests_but_does_not_take_the_shelf_over()
    {
        var random = new Random(42);
        var shelves = Enumerable.Range(0, 40)
            .Select(_ => ShopRanker.Rank(Zone, new Dictionary<Guid, double>(), RecentOrders, Shelf, random, limit: 3))
            .ToList();

        var firstShown = shelves.FindIndex(s => s.Any(r => r.Shop == Unknown));
        firstShown.ShouldBeInRange(0, 9);
        shelves[firstShown].Single(r => r.Shop == Unknown).Reason.ShouldBe("new");
        shelves.Count(s => s.Any(r => r.Shop == Unknown)).ShouldBeLessThan(40);
    }

    [Fact]
    public void without_the_exploration_draw_the_unknown_shop_would_never_be_shown()
    {
        // The counterfactual the test above rules out: the posterior mean instead of a draw (a greedy shelf).
        var greedy = Zone.Where(s => s.IsOpenNow)
            .Select(s => (Shop: s, Score: Math.Log(1 + RecentOrders.GetValueOrDefault(s.Id)) / Math.Log(401)
                + ((1d + Shelf.GetValueOrDefault(s.Id).Conversions) / (2 + Shelf.GetValueOrDefault(s.Id).Impressions))))
            .OrderByDescending(x => x.Score).Take(3).Select(x => x.Shop);

        greedy.ShouldNotContain(Unknown);
    }

    [Fact]
    public void closed_shops_never_appear_however_popular_or_loved()
    {
        var now = DateTimeOffset.Parse("2026-11-29T04:00:00Z");
        var loved = ShopRanker.Affinity([(Closed.Id, now), (Closed.Id, now)], now);
        var random = new Random(3);

        for (var i = 0; i < 50; i++)
        {
            ShopRanker.Rank(Zone, loved, RecentOrders, Shelf, random, limit: 10).ShouldNotContain(r => r.Shop == Closed);
        }
    }

    private static ShopSummary Shop(int n, string name, bool open = true) =>
        new(new Guid($"00000000-0000-0000-0000-{n:D12}"), name, "🍜", 4.5, 100, open);
}
