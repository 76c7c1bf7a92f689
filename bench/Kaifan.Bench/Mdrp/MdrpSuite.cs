using System.Diagnostics;
using System.Globalization;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Mdrp;

internal sealed record GreedyRow(double UndeliveredPct, double ClickToDoorMean, double ClickToDoorP90, double ReadyToPickupMean, double CostPerOrder);

/// <summary>Replays every instance below a folder and compares with the greedy baseline's figures, as a markdown table.</summary>
internal static class MdrpSuite
{
    public const string Header =
        "| instance | orders | delivered % | CtD mean | CtD p90 | RtP mean | orders/courier-h | cost/order | orders/bundle | ms/round mean | ms/round max | over 90 min | greedy CtD | ratio | greedy undelivered % |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static int Run(string root, string? filter, string? baselinePath, int parallel, DispatchSettings settings)
    {
        var dirs = Directory.GetFiles(root, "orders.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Where(d => filter is null || filter.Split(',').Any(f => Path.GetFileName(d).Contains(f, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var baseline = LoadBaseline(baselinePath ?? FindBaseline(root));
        var sw = Stopwatch.StartNew();
        var results = new MdrpMetrics[dirs.Length];
        Console.WriteLine($"{dirs.Length} instance(s), interval {settings.DecisionIntervalMinutes} min, look-ahead {settings.LookAheadMinutes} min, bundles <= {settings.MaxBundleSize}, parallel {parallel}");
        Console.WriteLine(Header);
        Parallel.For(0, dirs.Length, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var instance = MdrpInstance.Load(dirs[i]);
            var solution = MdrpReplay.Run(instance, settings);
            FeasibilityChecker.Check(instance, solution);
            results[i] = MdrpMetrics.Of(instance, solution);
            lock (results) Console.WriteLine(Row(results[i], baseline.GetValueOrDefault(instance.Name)));
        });

        Summary(results, baseline, sw.Elapsed);
        return 0;
    }

    public static string Row(MdrpMetrics m, GreedyRow? g) => string.Create(CultureInfo.InvariantCulture,
        $"| {m.Instance} | {m.Orders} | {100 - m.UndeliveredPct:F2} | {m.ClickToDoorMean:F2} | {m.ClickToDoorP90:F1} | {m.ReadyToPickupMean:F2} | {m.OrdersPerCourierHour:F2} | {m.CostPerOrder:F3} | {m.OrdersPerBundle:F2} | {m.RoundMsMean:F1} | {m.RoundMsMax:F0} | {m.OverMaximum} | {(g is null ? "-" : g.ClickToDoorMean.ToString("F2", CultureInfo.InvariantCulture))} | {(g is null ? "-" : (m.ClickToDoorMean / g.ClickToDoorMean).ToString("F3", CultureInfo.InvariantCulture))} | {(g is null ? "-" : g.UndeliveredPct.ToString("F3", CultureInfo.InvariantCulture))} |");

    private static void Summary(MdrpMetrics[] results, Dictionary<string, GreedyRow> baseline, TimeSpan elapsed)
    {
        var compared = results.Where(r => baseline.ContainsKey(r.Instance)).ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"averages over {results.Length}: undelivered {results.Average(r => r.UndeliveredPct):F3}%, CtD mean {results.Average(r => r.ClickToDoorMean):F2}, CtD p90 {results.Average(r => r.ClickToDoorP90):F1}, RtP mean {results.Average(r => r.ReadyToPickupMean):F2}, orders/courier-h {results.Average(r => r.OrdersPerCourierHour):F3}, cost/order {results.Average(r => r.CostPerOrder):F3}, ms/round {results.Average(r => r.RoundMsMean):F1} (max {results.Max(r => r.RoundMsMax):F0}), orders over 90 min {results.Sum(r => r.OverMaximum)} on {results.Count(r => r.OverMaximum > 0)} instances"));
        if (compared.Length > 0)
        {
            var g = compared.Select(r => baseline[r.Instance]).ToArray();
            var worse = compared.Where(r => r.Orders - r.Delivered > Math.Round(baseline[r.Instance].UndeliveredPct * r.Orders / 100.0)).Select(r => r.Instance).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"greedy on the same {compared.Length}: undelivered {g.Average(x => x.UndeliveredPct):F3}%, CtD mean {g.Average(x => x.ClickToDoorMean):F2}, CtD p90 {g.Average(x => x.ClickToDoorP90):F1}, RtP mean {g.Average(x => x.ReadyToPickupMean):F2}, cost/order {g.Average(x => x.CostPerOrder):F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CtD ratio vs greedy: mean of per-instance ratios {compared.Average(r => r.ClickToDoorMean / baseline[r.Instance].ClickToDoorMean):F3}, ratio of means {compared.Average(r => r.ClickToDoorMean) / g.Average(x => x.ClickToDoorMean):F3}; instances with more undelivered than greedy: {worse.Length}{(worse.Length > 0 ? " (" + string.Join(", ", worse) + ")" : "")}"));
        }

        Console.WriteLine($"wall time {elapsed.TotalSeconds:F0} s");
    }

    private static string FindBaseline(string root)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mdrp-greedy-baseline.tsv");
            if (File.Exists(candidate)) return candidate;
        }

        return "";
    }

    private static Dictionary<string, GreedyRow> LoadBaseline(string path)
    {
        if (path.Length == 0 || !File.Exists(path)) return [];
        return File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 6)
            .ToDictionary(c => c[0], c => new GreedyRow(P(c[1]), P(c[2]), P(c[3]), P(c[4]), P(c[5])), StringComparer.Ordinal);
    }

    private static double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
