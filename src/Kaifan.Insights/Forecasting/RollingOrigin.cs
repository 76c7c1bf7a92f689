namespace Kaifan.Insights.Forecasting;

/// <summary>A forecast for target hour <see cref="Target"/> issued at hour Target − Horizon, with every method's value
/// (indexed by <see cref="Method"/>) and the actual count (NaN when not in the data).</summary>
internal sealed record ForecastRecord(int Zone, int Target, int Horizon, float Actual, float[] Predicted);

/// <summary>Rolling-origin evaluation: the model is retrained at the start of each day on a trailing window of what was
/// known by then, and issues forecasts hour by hour through that day. A forecast issued at hour t reads hours ≤ t only
/// (the <see cref="KnownSeries"/> guard throws otherwise), and its model was trained on hours before t's day began.</summary>
internal sealed class RollingOrigin(DemandHistory history, ModelOptions options, int maxHorizon = 2)
{
    /// <summary>Hours of history before the first issue hour a training row may have: the 4-week profile needs them.</summary>
    public const int MinHistory = 28 * 24;
    private const int MinZoneRows = 200;
    private readonly Dictionary<(int Zone, int Issue, int Horizon), float[]> featureCache = new();

    public static readonly int MethodCount = Enum.GetValues<Method>().Length;

    public bool WithModel { get; init; } = true;
    public Action<string>? Log { get; init; }

    /// <summary>Forecasts for every zone and target hour in [from, toExclusive) and horizon 1..maxHorizon whose issue hour
    /// is in the data.</summary>
    public List<ForecastRecord> Run(DateTime from, DateTime toExclusive)
    {
        int firstTarget = history.IndexOf(from), endTarget = history.IndexOf(toExclusive);
        var issues = new SortedDictionary<DateOnly, List<(int Target, int Horizon)>>();
        for (var target = firstTarget; target < endTarget; target++)
            for (var h = 1; h <= maxHorizon; h++)
            {
                var issue = target - h;
                if (issue < 0 || issue >= history.Hours) continue;
                var day = DateOnly.FromDateTime(history.TimeOf(issue));
                if (!issues.TryGetValue(day, out var list)) issues[day] = list = [];
                list.Add((target, h));
            }

        var records = new List<ForecastRecord>();
        foreach (var (day, dayIssues) in issues)
        {
            var refresh = history.IndexOf(day.ToDateTime(TimeOnly.MinValue));
            DemandModel? model = null;
            Dictionary<int, DemandModel>? zoneModels = null;
            if (WithModel)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var rows = TrainingRows(lastKnown: refresh - 1);
                if (options.PerZone)
                    zoneModels = rows.GroupBy(r => r.Zone).Where(g => g.Count() >= MinZoneRows)
                        .ToDictionary(g => g.Key, g => DemandModel.Train(g.ToList(), options));
                else model = DemandModel.Train(rows, options);
                Log?.Invoke($"{day:yyyy-MM-dd}: trained on {rows.Count} rows in {started.Elapsed.TotalSeconds:F1}s");
            }

            var features = new List<float[]>();
            var dayRecords = new List<ForecastRecord>();
            foreach (var (target, h) in dayIssues)
                for (var zone = 0; zone < history.ZoneIds.Length; zone++)
                {
                    var known = new KnownSeries(history.Counts[zone], target - h);
                    var predicted = new float[MethodCount];
                    foreach (var method in Baselines.All) predicted[(int)method] = Baselines.Forecast(method, known, h);
                    var actual = target < history.Hours ? history.Counts[zone][target] : float.NaN;
                    dayRecords.Add(new ForecastRecord(zone, target, h, actual, predicted));
                    if (WithModel) features.Add(FeaturesOf(zone, target - h, h));
                }

            if (WithModel)
            {
                var scores = model is not null ? model.Predict(features) : ZoneScores(zoneModels!, dayRecords, features);
                for (var i = 0; i < dayRecords.Count; i++)
                {
                    var r = dayRecords[i];
                    var scale = Features.Base(new KnownSeries(history.Counts[r.Zone], r.Target - r.Horizon), r.Horizon);
                    // A zone too short for its own model (per-zone mode) keeps the scaled mean, i.e. a ratio of 1.
                    var model1 = float.IsNaN(scores[i]) ? 1f : scores[i];
                    var blended = options.Blend * model1 + (1 - options.Blend) * 1.0;
                    r.Predicted[(int)Method.Model] = (float)Math.Max(0, blended * scale);
                }
            }
            else
            {
                foreach (var r in dayRecords) r.Predicted[(int)Method.Model] = r.Predicted[(int)Method.ScaledFourWeekMean];
            }
            records.AddRange(dayRecords);
        }
        return records;
    }

    private static float[] ZoneScores(Dictionary<int, DemandModel> models, List<ForecastRecord> records, List<float[]> features)
    {
        var scores = new float[records.Count];
        Array.Fill(scores, float.NaN);
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(i => records[i].Zone))
        {
            if (!models.TryGetValue(group.Key, out var m)) continue;
            var idx = group.ToArray();
            var s = m.Predict(idx.Select(i => features[i]).ToList());
            for (var k = 0; k < idx.Length; k++) scores[idx[k]] = s[k];
        }
        return scores;
    }

    private List<TrainingRow> TrainingRows(int lastKnown) => BuildTrainingRows(history, lastKnown, options, maxHorizon, FeaturesOf);

    /// <summary>Rows whose target hour is ≤ lastKnown and whose issue lies in the trailing training window: the label is the
    /// count as a multiple of <see cref="Features.Base"/>, weighted by that base.</summary>
    public static List<TrainingRow> BuildTrainingRows(DemandHistory history, int lastKnown, ModelOptions options, int maxHorizon,
        Func<int, int, int, float[]> featuresOf)
    {
        var rows = new List<TrainingRow>();
        var firstIssue = Math.Max(MinHistory, lastKnown - options.TrainingDays * 24 + 1);
        for (var h = 1; h <= maxHorizon; h++)
            for (var issue = firstIssue; issue + h <= lastKnown; issue++)
                for (var zone = 0; zone < history.ZoneIds.Length; zone++)
                {
                    var actual = new KnownSeries(history.Counts[zone], lastKnown).At(issue + h);
                    if (float.IsNaN(actual)) continue;
                    var scale = Features.Base(new KnownSeries(history.Counts[zone], issue), h);
                    var recency = options.HalfLifeDays > 0 ? MathF.Pow(0.5f, (lastKnown - issue) / (24f * (float)options.HalfLifeDays)) : 1f;
                    rows.Add(new TrainingRow { Features = featuresOf(zone, issue, h), Label = actual / scale, Weight = scale * recency, Zone = zone });
                }
        return rows;
    }

    private float[] FeaturesOf(int zone, int issue, int horizon)
    {
        if (!featureCache.TryGetValue((zone, issue, horizon), out var f))
            featureCache[(zone, issue, horizon)] = f = Features.Build(history, zone, issue, horizon, options.ObservedWeatherAsForecast, options.Dynamics, options.Shapes);
        return f;
    }
}
