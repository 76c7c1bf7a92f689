using Kaifan.Insights.Forecasting;

namespace Kaifan.Insights.Planning;

/// <summary>What a training run decided: the model (or none), the method that ships and the numbers behind the choice.</summary>
internal sealed record TrainedForecaster(
    DemandModel? Model,
    Guid[] ZoneIds,
    Method Shipped,
    Method BestBaseline,
    double? BestBaselineWape,
    double? ModelWape,
    int TrainingRows,
    int HistoryHours,
    string Note)
{
    /// <summary>Forecasts of hours issue+1 and issue+2 for every zone of <paramref name="history"/>, issued at its last hour.
    /// The history's zone i is <see cref="ZoneIds"/>[i] for every zone the model was trained on (see <see cref="ZoneHistory"/>);
    /// zones after those, which the model never saw, get the best baseline.</summary>
    public float[][] Forecast(DemandHistory history, ModelOptions options)
    {
        var issue = history.Hours - 1;
        var result = history.ZoneIds.Select(_ => new float[LiveForecaster.Horizons]).ToArray();
        var modelRows = new List<(int Zone, int Horizon, float[] Features, float Scale)>();
        for (var zone = 0; zone < history.ZoneIds.Length; zone++)
            for (var h = 1; h <= LiveForecaster.Horizons; h++)
            {
                var known = new KnownSeries(history.Counts[zone], issue);
                result[zone][h - 1] = LiveForecaster.OrZero(Baselines.Forecast(BestBaseline, known, h));
                if (Model is not null && Shipped == Method.Model && zone < ZoneIds.Length)
                    modelRows.Add((zone, h, Features.Build(history, zone, issue, h, dynamics: options.Dynamics, shapes: options.Shapes), Features.Base(known, h)));
            }
        if (modelRows.Count > 0)
        {
            var scores = Model!.Predict(modelRows.Select(r => r.Features).ToList());
            for (var i = 0; i < modelRows.Count; i++)
                result[modelRows[i].Zone][modelRows[i].Horizon - 1] = LiveForecaster.Blend(scores[i], modelRows[i].Scale, options);
        }
        return result;
    }
}

/// <summary>Trains the demand model on the platform's own hourly counts and applies the shipping rule: the model ships only
/// if it beats the best baseline on the last week, which it never trained on; otherwise (or when the history is too short
/// to train and check a model) the best baseline ships.</summary>
internal static class LiveForecaster
{
    public const int Horizons = 2;
    public const int ValidationDays = 7;
    /// <summary>The 4-week profile, a week to learn from and a week to check on.</summary>
    public const int MinHistoryHours = RollingOrigin.MinHistory + 7 * 24 + ValidationDays * 24;

    public static readonly Method[] Candidates = Baselines.All;

    public static TrainedForecaster Train(DemandHistory history, Guid[] zoneIds, ModelOptions options, Action<int>? progress = null, CancellationToken ct = default)
    {
        var result = Decide(history, zoneIds, options, progress, ct);
        progress?.Invoke(100);
        return result;
    }

    private static TrainedForecaster Decide(DemandHistory history, Guid[] zoneIds, ModelOptions options, Action<int>? progress, CancellationToken ct)
    {
        var lastKnown = history.Hours - 1;
        var firstValidationIssue = Math.Max(0, lastKnown - ValidationDays * 24 + 1);
        progress?.Invoke(5);

        // Baselines on the validation week, each issue seeing only hours up to itself.
        var baselineErrors = new double[RollingOrigin.MethodCount];
        double actualSum = 0;
        foreach (var (zone, issue, h, actual) in ValidationPoints(history, firstValidationIssue, lastKnown))
        {
            var known = new KnownSeries(history.Counts[zone], issue);
            actualSum += actual;
            foreach (var m in Candidates) baselineErrors[(int)m] += Math.Abs(OrZero(Baselines.Forecast(m, known, h)) - actual);
        }
        var best = Candidates.MinBy(m => baselineErrors[(int)m]);
        double? bestWape = actualSum > 0 ? baselineErrors[(int)best] / actualSum : null;
        progress?.Invoke(15);
        ct.ThrowIfCancellationRequested();

        if (history.Hours < MinHistoryHours)
            return new TrainedForecaster(null, zoneIds, best, best, bestWape, null, 0, history.Hours,
                $"历史太短，使用最佳基线 (history of {history.Hours / 24} days is too short for a model: it needs {MinHistoryHours / 24}; the best baseline ships)");
        if (actualSum <= 0)
            return new TrainedForecaster(null, zoneIds, best, best, bestWape, null, 0, history.Hours,
                "最近一周没有订单，使用基线 (no orders in the last week: nothing to learn; the baseline ships)");

        var cache = new Dictionary<(int, int, int), float[]>();
        float[] FeaturesOf(int zone, int issue, int h)
        {
            if (!cache.TryGetValue((zone, issue, h), out var f))
                cache[(zone, issue, h)] = f = Features.Build(history, zone, issue, h, dynamics: options.Dynamics, shapes: options.Shapes);
            return f;
        }

        // Check: a model trained on what was known before the validation week, scored on it.
        var checkRows = RollingOrigin.BuildTrainingRows(history, firstValidationIssue - 1, options, Horizons, FeaturesOf);
        progress?.Invoke(35);
        var checkModel = DemandModel.Train(checkRows, options);
        progress?.Invoke(55);
        ct.ThrowIfCancellationRequested();
        var points = ValidationPoints(history, firstValidationIssue, lastKnown).ToList();
        var scores = checkModel.Predict(points.Select(p => FeaturesOf(p.Zone, p.Issue, p.Horizon)).ToList());
        double modelError = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var scale = Features.Base(new KnownSeries(history.Counts[p.Zone], p.Issue), p.Horizon);
            modelError += Math.Abs(Blend(scores[i], scale, options) - p.Actual);
        }
        var modelWape = modelError / actualSum;
        progress?.Invoke(65);
        ct.ThrowIfCancellationRequested();

        if (modelWape >= bestWape)
            return new TrainedForecaster(null, zoneIds, best, best, bestWape, modelWape, checkRows.Count, history.Hours,
                "模型未胜过最佳基线 (the model did not beat the best baseline on the last week; the baseline ships)");

        // Ship: retrain on everything known now, the validation week included.
        var rows = RollingOrigin.BuildTrainingRows(history, lastKnown, options, Horizons, FeaturesOf);
        progress?.Invoke(80);
        var model = DemandModel.Train(rows, options);
        return new TrainedForecaster(model, zoneIds, Method.Model, best, bestWape, modelWape, rows.Count, history.Hours,
            "模型胜过最佳基线 (the model beat the best baseline on the last week and ships)");
    }

    public static float OrZero(float forecast) => float.IsNaN(forecast) ? 0 : Math.Max(0, forecast);

    public static float Blend(float ratio, float scale, ModelOptions options) =>
        (float)Math.Max(0, (options.Blend * ratio + (1 - options.Blend)) * scale);

    private static IEnumerable<(int Zone, int Issue, int Horizon, float Actual)> ValidationPoints(DemandHistory history, int firstIssue, int lastKnown)
    {
        for (var h = 1; h <= Horizons; h++)
            for (var issue = firstIssue - h; issue + h <= lastKnown; issue++)
            {
                if (issue < 0) continue;
                for (var zone = 0; zone < history.ZoneIds.Length; zone++)
                {
                    var actual = history.Counts[zone][issue + h];
                    if (!float.IsNaN(actual)) yield return (zone, issue, h, actual);
                }
            }
    }
}
