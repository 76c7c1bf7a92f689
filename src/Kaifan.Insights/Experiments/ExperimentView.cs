namespace Kaifan.Insights.Experiments;

/// <summary>An experiment with its results so far; Comparison is null for the control and for an arm nobody saw yet.</summary>
internal sealed record ExperimentView(
    string Key, string Name, string Target, string Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt,
    IReadOnlyList<VariantResult> Variants)
{
    public static ExperimentView Of(Experiment e, IReadOnlyDictionary<string, (int Exposures, int Conversions)> counts)
    {
        var ordered = e.Variants.OrderBy(v => v.Sort).ToList();
        var control = counts.GetValueOrDefault(ordered[0].Name);
        var results = ordered.Select((v, i) =>
        {
            var (exposures, conversions) = counts.GetValueOrDefault(v.Name);
            var comparison = i == 0 ? null : VariantComparison.Of(control.Exposures, control.Conversions, exposures, conversions);
            return new VariantResult(v.Name, v.Weight, i == 0, exposures, conversions, exposures == 0 ? 0 : (double)conversions / exposures, comparison);
        }).ToList();
        return new ExperimentView(e.Key, e.Name, e.Target, e.Status, e.CreatedAt, e.StartedAt, e.StoppedAt, results);
    }
}

internal sealed record VariantResult(
    string Name, int Weight, bool IsControl, int Exposures, int Conversions, double Rate, VariantComparison? Comparison);
