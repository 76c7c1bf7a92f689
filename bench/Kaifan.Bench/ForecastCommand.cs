using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kaifan.Insights.Forecasting;

namespace Kaifan.Bench;

/// <summary>Rolling-origin demand forecast benchmark: model and baselines over [--from, --to] (whole days, inclusive),
/// predictions to --out, a markdown metrics table to stdout, per-zone metrics next to --out.</summary>
internal static class ForecastCommand
{
    public static int Run(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("forecast --history DIR --from yyyy-MM-dd --to yyyy-MM-dd [--horizon 2] [--out preds.csv] " +
                "[--trees N] [--leaves N] [--min-leaf N] [--learning-rate X] [--train-days N] [--no-dynamics] [--no-shapes] [--no-zone-category] " +
                "[--objective l1,l2|l1|l2|mlnet|...] [--feature-fraction X] [--bagging X] [--seeds N] [--half-life DAYS] [--lgbm 'k=v;k=v'] " +
                "[--per-zone] [--blend W] [--baselines-only] [--verbose] " +
                "[--observed-weather-as-forecast (experiment: reads each target day's observed weather, so it looks ahead)]");
            return 2;
        }
        var (dir, from, to, horizon, output, model, withModel, verbose) = options.Value;

        if (model.ObservedWeatherAsForecast)
            Console.Error.WriteLine("warning: --observed-weather-as-forecast reads the target day's observed weather; these forecasts look ahead");
        var clock = Stopwatch.StartNew();
        var history = DemandHistory.Load(dir);
        var harness = new RollingOrigin(history, model, horizon)
        {
            WithModel = withModel,
            Log = verbose ? Console.Error.WriteLine : null,
        };
        var records = harness.Run(from, to.AddDays(1));
        var seconds = clock.Elapsed.TotalSeconds;

        WritePredictions(output, history, records);
        var bands = DemandBands.ForZones(history, history.IndexOf(from));
        var scored = records.Where(r => !float.IsNaN(r.Actual) && r.Predicted.All(p => !float.IsNaN(p))).ToList();
        Console.WriteLine($"Demand forecast {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {history.ZoneIds.Length} zones, " +
            $"{scored.Count} scored zone-hour forecasts (of {records.Count}), model {(withModel ? model.ToString() : "off")}, {seconds:F0}s");
        Console.WriteLine();
        Console.WriteLine(Table(scored, bands, horizon));
        WriteZoneMetrics(Path.ChangeExtension(output, null) + "-zones.csv", history, scored, bands, horizon);
        return 0;
    }

    private static string Table(List<ForecastRecord> scored, DemandBand[] bands, int horizon)
    {
        var sb = new StringBuilder();
        var bandList = Enum.GetValues<DemandBand>();
        sb.Append("| h | method | WAPE | MASE | bias | MAPE (y≥10) |");
        foreach (var b in bandList) sb.Append($" WAPE {DemandBands.Label(b)} |");
        sb.AppendLine();
        sb.Append("|---|---|---|---|---|---|").AppendLine(string.Concat(bandList.Select(_ => "---|")));
        for (var h = 1; h <= horizon; h++)
        {
            var atH = scored.Where(r => r.Horizon == h).ToList();
            var wapes = new Dictionary<Method, double>();
            foreach (var method in Enum.GetValues<Method>())
            {
                var m = Score(atH, method);
                wapes[method] = m.Wape;
                sb.Append($"| {h} | {Baselines.Label(method)} | {Pct(m.Wape)} | {m.Mase:F3} | {SignedPct(m.Bias)} | {Pct(m.Mape)} |");
                foreach (var b in bandList) sb.Append($" {Pct(Score(atH.Where(r => bands[r.Zone] == b), method).Wape)} |");
                sb.AppendLine();
            }
            var best = Baselines.All.MinBy(b => wapes[b]);
            // What mixing the model with the scaled mean would give (w = the model's share), to choose --blend.
            var sweep = new[] { 0.5, 0.6, 0.7, 0.8, 0.9 }.Select(w => (w, m: ForecastMetrics.Compute(atH.Select(r =>
                (r.Actual, (float)(w * r.Predicted[(int)Method.Model] + (1 - w) * r.Predicted[(int)Method.ScaledFourWeekMean]), r.Predicted[(int)Method.SameHourLastWeek])))));
            sb.AppendLine($"|   | blend sweep (w·model + (1−w)·scaled mean) | {string.Join(" ", sweep.Select(x => $"w={x.w:F1}:{Pct(x.m.Wape)}"))} | | | |" +
                string.Concat(bandList.Select(_ => " |")));
            var sums = string.Join(" ", Enum.GetValues<Method>().Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m}={atH.Sum(r => (double)Math.Abs(r.Predicted[(int)m] - r.Actual)):F1}")));
            PoolingSums.Add($"h={h} n={atH.Count} sum_actual={atH.Sum(r => (double)r.Actual):F1} sum_abs_error: {sums}");
            sb.AppendLine($"|   | model vs best baseline ({Baselines.Label(best)}) | {SignedPct(wapes[Method.Model] / wapes[best] - 1)} | | | |" +
                string.Concat(bandList.Select(_ => " |")));
        }
        sb.AppendLine();
        // Σ|f−y| and Σy per method: what pools WAPE over runs of adjacent periods (WAPE = Σ|f−y| / Σy over both).
        foreach (var line in PoolingSums) sb.AppendLine("pooling sums " + line);
        sb.AppendLine();
        sb.AppendLine("zones per band: " + string.Join(", ", bandList.Select(b => $"{DemandBands.Label(b)} {bands.Count(x => x == b)}")));
        return sb.ToString();
    }

    private static readonly List<string> PoolingSums = [];

    private static ForecastMetrics Score(IEnumerable<ForecastRecord> records, Method method) =>
        ForecastMetrics.Compute(records.Select(r => (r.Actual, r.Predicted[(int)method], r.Predicted[(int)Method.SameHourLastWeek])));

    private static string Pct(double v) => double.IsNaN(v) ? "–" : (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
    private static string SignedPct(double v) => double.IsNaN(v) ? "–" : (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static void WritePredictions(string file, DemandHistory history, List<ForecastRecord> records)
    {
        using var w = new StreamWriter(file);
        w.WriteLine("zone,hour,horizon,predicted");
        foreach (var r in records.OrderBy(r => r.Target).ThenBy(r => r.Horizon).ThenBy(r => r.Zone))
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{history.ZoneIds[r.Zone]},{history.TimeOf(r.Target):yyyy-MM-dd HH:00},{r.Horizon},{r.Predicted[(int)Method.Model]:0.###}"));
    }

    private static void WriteZoneMetrics(string file, DemandHistory history, List<ForecastRecord> scored, DemandBand[] bands, int horizon)
    {
        using var w = new StreamWriter(file);
        w.WriteLine("zone,band,horizon,method,hours,actual,wape,mase,bias,mape");
        foreach (var group in scored.GroupBy(r => (r.Zone, r.Horizon)).OrderBy(g => g.Key.Horizon).ThenBy(g => history.ZoneIds[g.Key.Zone]))
            foreach (var method in Enum.GetValues<Method>())
            {
                var m = Score(group, method);
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{history.ZoneIds[group.Key.Zone]},{bands[group.Key.Zone]},{group.Key.Horizon},{method},{m.Hours},{m.Actual},{m.Wape:F4},{m.Mase:F4},{m.Bias:F4},{m.Mape:F4}"));
            }
    }

    private static (string Dir, DateTime From, DateTime To, int Horizon, string Out, ModelOptions Model, bool WithModel, bool Verbose)? Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) map[args[i]] = args[++i];
            else flags.Add(args[i]);
        }
        if (!map.TryGetValue("--history", out var dir) || !map.TryGetValue("--from", out var from) || !map.TryGetValue("--to", out var to))
            return null;
        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new ModelOptions();
        var model = defaults with
        {
            Trees = Int("--trees", defaults.Trees),
            Leaves = Int("--leaves", defaults.Leaves),
            TrainingDays = Int("--train-days", defaults.TrainingDays),
            MinLeafRows = Int("--min-leaf", defaults.MinLeafRows),
            ObservedWeatherAsForecast = flags.Contains("--observed-weather-as-forecast"),
            // The recent-hours and city-wide features ship; --no-dynamics gives the earlier 35-feature model.
            Dynamics = !flags.Contains("--no-dynamics"),
            PerZone = flags.Contains("--per-zone"),
            // The intraday-shape features and the zone as a category ship; these flags give the earlier model back.
            Shapes = !flags.Contains("--no-shapes"),
            ZoneCategory = !flags.Contains("--no-zone-category"),
            HalfLifeDays = map.TryGetValue("--half-life", out var hl) ? double.Parse(hl, CultureInfo.InvariantCulture) : defaults.HalfLifeDays,
            Blend = map.TryGetValue("--blend", out var bl) ? double.Parse(bl, CultureInfo.InvariantCulture) : defaults.Blend,
            Objective = map.GetValueOrDefault("--objective", defaults.Objective),
            FeatureFraction = map.TryGetValue("--feature-fraction", out var ff) ? double.Parse(ff, CultureInfo.InvariantCulture) : defaults.FeatureFraction,
            BaggingFraction = map.TryGetValue("--bagging", out var bf) ? double.Parse(bf, CultureInfo.InvariantCulture) : defaults.BaggingFraction,
            Seeds = Int("--seeds", defaults.Seeds),
            Extra = map.GetValueOrDefault("--lgbm", defaults.Extra).Replace(';', ' '),
            LearningRate = map.TryGetValue("--learning-rate", out var lr) ? double.Parse(lr, CultureInfo.InvariantCulture) : defaults.LearningRate,
        };
        return (dir, DateTime.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture), Int("--horizon", 2),
            map.GetValueOrDefault("--out", "preds.csv"), model, !flags.Contains("--baselines-only"), flags.Contains("--verbose"));
    }
}
