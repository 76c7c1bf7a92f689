using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

/// <summary>Fixed-seed random snapshots: a few merchants (so bundles arise), mixed rider capabilities and paces, shifts ending soon.</summary>
internal static class RandomSnapshots
{
    public static readonly TravelModel Travel = new(300, 4, 4);

    // On foot, bicycle, the typical pace, e-bike.
    private static readonly double[] Speeds = [1 / 3.0, 14 / 15.0, 1.0, 4 / 3.0];

    public static IEnumerable<DispatchSnapshot> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++) yield return One(rng);
    }

    private static DispatchSnapshot One(Random rng)
    {
        const int clock = 100;
        Point P() => new(rng.Next(0, 5_000), rng.Next(0, 5_000));
        var merchants = Enumerable.Range(0, rng.Next(1, 6)).Select(m => ($"m{m}", P())).ToArray();
        var orders = Enumerable.Range(0, rng.Next(1, 25)).Select(o =>
        {
            var (id, at) = merchants[rng.Next(merchants.Length)];
            var placed = clock - rng.Next(0, 25);
            return new PendingOrder($"o{o}", id, at, P(), placed, placed + rng.Next(5, 35),
                rng.Next(4) == 0 ? OrderPriority.SpecialCare : OrderPriority.Normal, rng.Next(4) == 0);
        }).ToArray();
        var riders = Enumerable.Range(0, rng.Next(0, 12)).Select(r =>
        {
            var at = P();
            return new RiderState($"r{r}", at, clock + rng.Next(-10, 15), at, clock + rng.Next(0, 120), rng.Next(1, 4),
                rng.Next(1, 16), rng.Next(2) == 0, Speeds[rng.Next(Speeds.Length)]);
        }).ToArray();
        return new DispatchSnapshot(clock, orders, riders);
    }
}
