using System.Diagnostics;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench;

/// <summary>Times one decision round on a fixed-seed synthetic snapshot (a busy 10 km city at one moment).</summary>
internal static class SyntheticRound
{
    /// <summary>mixedPaces: riders on foot, bicycle, e-bike and scooter as in production, instead of all at the model's pace.</summary>
    public static int Run(int orderCount, int riderCount, DispatchSettings settings, bool mixedPaces = false)
    {
        var (snapshot, travel) = Snapshot(orderCount, riderCount, seed: 42, mixedPaces);
        var first = DispatchOptimiser.Plan(snapshot, travel, settings);
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < 10; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var plan = DispatchOptimiser.Plan(snapshot, travel, settings);
            times.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (plan.Assignments.Count != first.Assignments.Count || plan.Held.Count != first.Held.Count)
                throw new InvalidOperationException("two rounds on the same snapshot disagree");
        }

        times.Sort();
        cpu.Sort();
        // On a shared machine the wall time includes waiting for a core; the process CPU time per round does not.
        Console.WriteLine($"decision round, {orderCount} pending orders, {riderCount} riders: median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms " +
                          $"(CPU time median {cpu[cpu.Count / 2]:F0} ms, max {cpu[^1]:F0} ms) " +
                          $"({first.Assignments.Count} routes committed carrying {first.Assignments.Sum(a => a.OrderIds.Count)} orders, {first.Held.Count} held); {Environment.ProcessorCount} cores");
        return 0;
    }

    public static (DispatchSnapshot Snapshot, TravelModel Travel) Snapshot(int orderCount, int riderCount, int seed, bool mixedPaces = false)
    {
        var rng = new Random(seed);
        const int clock = 600;
        Point P() => new(rng.Next(0, 10_000), rng.Next(0, 10_000));
        var merchants = Enumerable.Range(0, Math.Max(1, orderCount / 3)).Select(i => ($"m{i}", P())).ToArray();
        var orders = Enumerable.Range(0, orderCount).Select(i =>
        {
            var (id, at) = merchants[rng.Next(merchants.Length)];
            var placed = clock - rng.Next(0, 15);
            return new PendingOrder($"o{i}", id, at, P(), placed, placed + rng.Next(8, 30),
                rng.Next(10) == 0 ? OrderPriority.SpecialCare : OrderPriority.Normal, rng.Next(8) == 0);
        }).ToArray();
        var riders = Enumerable.Range(0, riderCount).Select(i =>
        {
            var free = P();
            return new RiderState($"r{i}", free, clock + rng.Next(-5, 15), free, clock + rng.Next(30, 240), rng.Next(1, 5),
                rng.Next(6, 40), rng.Next(3) != 0);
        }).ToArray();
        // Its own generator, so the orders and riders stay those of earlier runs.
        var demandRng = new Random(seed + 1);
        var demand = merchants.Select(m => new DemandSpot(m.Item2, demandRng.Next(1, 7))).ToArray();
        if (mixedPaces)
        {
            // 5, 14, 20 and 25 km/h against the model's 15.
            double[] paces = [1 / 3.0, 14 / 15.0, 4 / 3.0, 5 / 3.0];
            var paceRng = new Random(seed + 2);
            riders = riders.Select(r => r with { Speed = paces[paceRng.Next(paces.Length)] }).ToArray();
        }

        return (new DispatchSnapshot(clock, orders, riders, demand), new TravelModel(320, 4, 4));
    }
}
