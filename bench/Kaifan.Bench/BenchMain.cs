using System.Diagnostics;
using System.Globalization;
using Kaifan.Bench.Mdrp;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench;

/// <summary>
/// mdrp --instance DIR --out OUTDIR [--explain]   replay one instance, check it, write the evaluator's files (--explain: why orders were lost)
/// mdrp --all DIR [--filter TEXT] [--baseline FILE] [--parallel N]   replay every instance below DIR vs the greedy
/// bench [--orders 200] [--riders 100]          time one decision round on a synthetic snapshot
/// pings [--riders 200] [--connections 64] [--seconds 10] [--rounds 3] [--host dll]   location pings/s on one real host (child process, raw sockets), then p50/p99 open loop
/// customer-flow [--runs 10] [--shoppers 1] [--host dll] [--server-times]   a shopper's order and reorder in chromium against a real host, per tap
/// dispatch-round [--orders 200] [--riders 100] [--runs 200]   the zone grain's v1 offer policy round time
/// simulate --instance DIR --speed 60 [--host URL]   replay one instance's day through a running host's HTTP API (ADR 0010)
/// eta-accuracy [--merchants 40] [--weeks 8] [--seed 6]   ETA error with stated vs learned prep times
/// forecast --history DIR --from DAY --to DAY [--horizon 2] [--out preds.csv]   demand forecast vs baselines
/// Optimiser knobs: --interval N --lookahead N --bundle N --candidates N --urgency N --pressing N --scarce N --risk N --overdue-wide N --empty W --ready-wait W --spread N --dtime S --reserve W --reserve-reach N --reserve-free N --scarce-commit N
/// </summary>
internal static class BenchMain
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.FirstOrDefault() == "forecast")
        {
            return ForecastCommand.Run(args[1..]);
        }

        var opts = Options.Parse(args.Skip(1));
        switch (args.FirstOrDefault())
        {
            case "simulate":
                return Simulation.SimulateCommand.Run(opts);
            case "pings":
                return PingsCommand.Run(opts);
            case "customer-flow":
                return CustomerFlowCommand.Run(opts);
            case "dispatch-round":
                return DispatchRoundCommand.Run(opts);
            case "eta-accuracy":
                return EtaAccuracyCommand.Run(opts);
        }

        var settings = new DispatchSettings
        {
            DecisionIntervalMinutes = opts.Int("interval", new DispatchSettings().DecisionIntervalMinutes),
            LookAheadMinutes = opts.Int("lookahead", new DispatchSettings().LookAheadMinutes),
            MaxBundleSize = opts.Int("bundle", new DispatchSettings().MaxBundleSize),
            CandidateRidersPerBundle = opts.Int("candidates", new DispatchSettings().CandidateRidersPerBundle),
            UrgencyWeight = opts.Int("urgency", (int)new DispatchSettings().UrgencyWeight),
            PressingRidersFactor = opts.Int("pressing", new DispatchSettings().PressingRidersFactor),
            ScarceAlternatives = opts.Int("scarce", new DispatchSettings().ScarceAlternatives),
            RiskHorizonMinutes = opts.Int("risk", new DispatchSettings().RiskHorizonMinutes),
            OverdueWideRiders = opts.Int("overdue-wide", new DispatchSettings().OverdueWideRiders),
            EmptyTravelWeight = opts.Double("empty", new DispatchSettings().EmptyTravelWeight),
            ReadyWaitWeight = opts.Double("ready-wait", new DispatchSettings().ReadyWaitWeight),
            MaxReadySpreadMinutes = opts.Int("spread", new DispatchSettings().MaxReadySpreadMinutes),
            SolverDeterministicSeconds = opts.Double("dtime", new DispatchSettings().SolverDeterministicSeconds),
            ScarceCommitMinutes = opts.Int("scarce-commit", new DispatchSettings().ScarceCommitMinutes),
            ReserveWeight = opts.Double("reserve", new DispatchSettings().ReserveWeight),
            ReserveReachMinutes = opts.Int("reserve-reach", new DispatchSettings().ReserveReachMinutes),
            ReserveFreeWithinMinutes = opts.Int("reserve-free", new DispatchSettings().ReserveFreeWithinMinutes),
        };
        switch (args.FirstOrDefault())
        {
            case "mdrp" when opts.Has("instance"):
                return One(opts.Get("instance"), opts.GetOrDefault("out"), opts.Has("explain"), settings);
            case "mdrp" when opts.Has("all"):
                return MdrpSuite.Run(opts.Get("all"), opts.GetOrDefault("filter"), opts.GetOrDefault("baseline"), opts.Int("parallel", 1), settings);
            case "bench":
                return SyntheticRound.Run(opts.Int("orders", 200), opts.Int("riders", 100), settings, opts.Has("mixed-paces"));
            default:
                Console.Error.WriteLine("usage: mdrp --instance DIR --out OUTDIR | mdrp --all DIR [--filter TEXT] | bench | forecast --history DIR --from DAY --to DAY");
                return 2;
        }
    }

    private static int One(string dir, string? outDir, bool explain, DispatchSettings settings)
    {
        var instance = MdrpInstance.Load(dir);
        var sw = Stopwatch.StartNew();
        var lost = explain ? new LostOrders(instance, settings) : null;
        var solution = MdrpReplay.Run(instance, settings, lost is null ? null : lost.Observe);
        FeasibilityChecker.Check(instance, solution);
        if (outDir is not null) solution.Write(outDir);
        var m = MdrpMetrics.Of(instance, solution);
        Console.WriteLine(MdrpSuite.Header);
        Console.WriteLine(MdrpSuite.Row(m, null));
        Console.WriteLine($"feasibility checks passed; {sw.Elapsed.TotalSeconds:F1} s");
        lost?.Print(solution);
        return 0;
    }
}

internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var o = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {list[i]}");
            var key = list[i][2..];
            o._values[key] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }

        return o;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string Get(string key) => _values[key];

    public string? GetOrDefault(string key) => _values.GetValueOrDefault(key);

    public int Int(string key, int fallback) => _values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string key, double fallback) => _values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
