using System.Diagnostics;
using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Bench;

/// <summary>
/// dispatch-round [--orders 200] [--riders 100] [--runs 200]: the zone grain's v1 offer policy (the pure
/// OfferPolicy.Decide) on a fixed-seed snapshot of one campus zone, median and max round time.
/// </summary>
internal static class DispatchRoundCommand
{
    public static int Run(Options opts)
    {
        var orders = opts.Int("orders", 200);
        var riders = opts.Int("riders", 100);
        var runs = opts.Int("runs", 200);
        var snapshot = Snapshot(orders, riders, seed: 42);
        var first = OfferPolicy.Decide(snapshot);
        for (var i = 0; i < 20; i++)
        {
            OfferPolicy.Decide(snapshot);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var offers = OfferPolicy.Decide(snapshot);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (offers.Count != first.Count)
            {
                throw new InvalidOperationException("two rounds on the same snapshot disagree");
            }
        }

        times.Sort();
        Console.WriteLine($"dispatch round (v1 policy), {orders} pending orders, {riders} riders, {runs} runs: median {times[times.Count / 2]:F2} ms, max {times[^1]:F2} ms " +
                          $"({first.Count} offers carrying {first.Sum(o => o.OrderIds.Count)} orders); {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>A 2 km campus at lunch: 30 shops, orders ready over the next 20 minutes, riders spread around, a few refusals.</summary>
    internal static PolicySnapshot Snapshot(int orderCount, int riderCount, int seed)
    {
        var rng = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
        GeoPoint P() => new(31.02 + rng.NextDouble() * 0.018, 121.43 + rng.NextDouble() * 0.021);
        var shops = Enumerable.Range(0, 30).Select(_ => (Id: Guid.NewGuid(), At: P())).ToArray();
        var riders = Enumerable.Range(0, riderCount)
            .Select(_ => new PolicyRider(Guid.NewGuid(), P(), rng.Next(3) == 0 ? 14 : 20, rng.Next(1, 4), rng.Next(8, 40), rng.Next(4) != 0))
            .ToList();
        var jobs = Enumerable.Range(0, orderCount).Select(_ =>
        {
            var shop = shops[rng.Next(shops.Length)];
            var refused = rng.Next(10) == 0 ? new HashSet<Guid> { riders[rng.Next(riders.Count)].RiderId } : [];
            return new PolicyJob(Guid.NewGuid(), shop.Id, shop.At, P(), now.AddMinutes(rng.Next(-5, 20)), rng.Next(8) == 0, refused);
        }).ToList();
        return new PolicySnapshot(now, jobs, riders, 1.3, TimeSpan.FromMinutes(5));
    }
}
