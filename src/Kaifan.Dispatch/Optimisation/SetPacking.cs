using Google.OrTools.Sat;

namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// Chooses (bundle, rider) pairs of maximum total value with each order and each rider used at most once, with
/// CP-SAT on one worker (deterministic) under a deterministic time limit, warm-started from a greedy packing.
/// </summary>
internal static class SetPacking
{
    private const double Scale = 100.0;

    public static List<Candidate> Solve(List<Candidate> candidates, DispatchSettings settings)
    {
        var greedy = Greedy(candidates);
        if (candidates.Count <= 1) return greedy;

        var model = new CpModel();
        var x = new BoolVar[candidates.Count];
        var byOrder = new Dictionary<string, List<ILiteral>>(StringComparer.Ordinal);
        var byRider = new Dictionary<string, List<ILiteral>>(StringComparer.Ordinal);
        var greedySet = new HashSet<Candidate>(greedy, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < candidates.Count; i++)
        {
            x[i] = model.NewBoolVar($"x{i}");
            model.AddHint(x[i], greedySet.Contains(candidates[i]));
            foreach (var o in candidates[i].Bundle.Orders) Add(byOrder, o.Id, x[i]);
            Add(byRider, candidates[i].Rider.Id, x[i]);
        }

        foreach (var (_, lits) in byOrder.OrderBy(kv => kv.Key, StringComparer.Ordinal)) if (lits.Count > 1) model.AddAtMostOne(lits);
        foreach (var (_, lits) in byRider.OrderBy(kv => kv.Key, StringComparer.Ordinal)) if (lits.Count > 1) model.AddAtMostOne(lits);
        model.Maximize(LinearExpr.WeightedSum(x, candidates.Select(c => (long)Math.Round(c.Value * Scale))));

        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"num_workers:1,random_seed:{settings.Seed},max_deterministic_time:{settings.SolverDeterministicSeconds},log_search_progress:false"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return greedy;

        var chosen = new List<Candidate>();
        for (var i = 0; i < candidates.Count; i++) if (solver.BooleanValue(x[i])) chosen.Add(candidates[i]);
        return chosen;
    }

    /// <summary>Best value first, skipping pairs that clash; also the fallback if the solver returns nothing.</summary>
    public static List<Candidate> Greedy(List<Candidate> candidates)
    {
        var usedOrders = new HashSet<string>(StringComparer.Ordinal);
        var usedRiders = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<Candidate>();
        var order = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => candidates[i].Value / candidates[i].Bundle.Orders.Count)
            .ThenBy(i => i);
        foreach (var i in order)
        {
            var c = candidates[i];
            if (usedRiders.Contains(c.Rider.Id) || c.Bundle.Orders.Any(o => usedOrders.Contains(o.Id))) continue;
            chosen.Add(c);
            usedRiders.Add(c.Rider.Id);
            foreach (var o in c.Bundle.Orders) usedOrders.Add(o.Id);
        }

        return chosen;
    }

    private static void Add(Dictionary<string, List<ILiteral>> map, string key, ILiteral lit)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(lit);
    }
}
