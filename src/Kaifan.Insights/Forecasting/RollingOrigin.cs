namespace Kaifan.Insights.Forecasting;

/// <summary>A forecast for target hour <see cref="Target"/> issued at hour Target − Horizon, with every method's value
/// (indexed by <see cref="Method"/>) and the actual count (NaN when not in the data).</summary>
internal sealed record ForecastRecord(int Zone, int Target, int Horizon, float Actual, float[] Predicted);

/// <summary>Rolling-origin evaluation: the model is retrained at the start of each day on a trailing window of what was
/// known by then, and issues forecasts hour by hour through that day. A forecast issued at hour t reads hours ≤ t only
/// (the <see cref="KnownSeries"/> guard throws otherwise), and its model was trained on hours before t's day began.</summary>
internal sealed class RollingOrigin(DemandHistory history, ModelOptions options, int maxHorizon = 2)
{
    private const int MinHistory = 28 * 24;
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
            if (WithModel)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var rows = TrainingRows(lastKnown: refresh - 1);
                model = DemandModel.Train(rows, options);
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
                    if (model is not null) features.Add(FeaturesOf(zone, target - h, h));
                }

            if (model is not null)
            {
                var scores = model.Predict(features);
                for (var i = 0; i < dayRecords.Count; i++)
                {
                    var r = dayRecords[i];
                    var scale = Features.Base(new KnownSeries(history.Counts[r.Zone], r.Target - r.Horizon), r.Horizon);
                    r.Predicted[(int)Method.Model] = Math.Max(0, scores[i] * scale);
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

    /// <summary>Rows whose target hour is ≤ lastKnown and whose issue lies in the trailing training window.</summary>
    private List<TrainingRow> TrainingRows(int lastKnown)
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
                    rows.Add(new TrainingRow { Features = FeaturesOf(zone, issue, h), Label = actual / scale, Weight = scale });
                }
        return rows;
    }

    private float[] FeaturesOf(int zone, int issue, int horizon)
    {
        if (!featureCache.TryGetValue((zone, issue, horizon), out var f))
            featureCache[(zone, issue, horizon)] = f = Features.Build(history, zone, issue, horizon, options.ObservedWeatherAsForecast);
        return f;
    }
}
