namespace Kaifan.Insights.Forecasting;

/// <summary>Features of one (zone, issue hour, horizon): lags and seasonal means scaled by the zone's recent level so one
/// global model serves quiet and busy zones alike; calendar of the target hour; yesterday's weather (today's is not
/// observed yet at the issue hour); the recent hours and the intraday shape against the base (dynamics, shapes).</summary>
internal static class Features
{
    public const int Count = 51;

    /// <summary>The zone's index: a category, so one split can group any set of zones (as a number, only ranges of ids).</summary>
    public const int ZoneIndex = 23;

    public static readonly string[] Names =
    [
        "horizon", "hourOfDay", "dayOfWeek", "holiday", "holidayLastWeek", "holidayTomorrow", "logLevel",
        "lag0", "lag1", "lag2", "sameHourYesterday", "sameHourLastWeek", "sameHour2WeeksAgo", "weeklyMean",
        "ratio24h", "ratio3h", "ratio168h", "weeklyMeanAtIssue", "neighbourRatio3h", "rainYesterday", "snowYesterday",
        "snowDepthYesterday", "maxTempYesterday", "zone", "scaledWeeklyMean", "lastWeekAtIssue", "persistenceAlongProfile", "ratio6h", "ratio12h", "sameHour2DaysAgo",
        "sameHour3DaysAgo", "shortScaledWeeklyMean", "weeklyMedian", "medianRatio24h", "scaledWeeklyMedian",
        "lag0VsUsual", "lag1VsUsual", "lag2VsUsual", "issueHourOfDay", "lastHourStep", "lag0VsBase", "last3VsBase",
        "cityRatio1h", "cityRatio3h", "cityRatio24h",
        "lastWeekShapeVsBase", "yesterdayShapeVsBase", "profileShapeVsBase", "recentWeightedVsDay", "cityRecentWeightedVsDay", "todayVsDay",
    ];

    /// <summary>The zone's mean hourly count over the last week, floored at 1 so near-empty zones don't blow up ratios.</summary>
    public static float Level(KnownSeries known)
    {
        var mean = known.Mean(known.Issue - 167, known.Issue);
        return float.IsNaN(mean) ? 1f : Math.Max(mean, 1f);
    }

    /// <summary>What the model's output multiplies: the 4-week same-hour-of-week mean scaled by the last day's level, floored
    /// at 1. Trees approximate a product badly, so they learn the correction to this instead of the count itself.</summary>
    public static float Base(KnownSeries known, int horizon)
    {
        var scaled = Baselines.Forecast(Method.ScaledFourWeekMean, known, horizon);
        return float.IsNaN(scaled) ? Level(known) : Math.Max(scaled, 1f);
    }

    public static float[] Build(DemandHistory history, int zone, int issue, int horizon, bool targetDayWeather = false, bool dynamics = false,
        bool shapes = false)
    {
        var known = new KnownSeries(history.Counts[zone], issue);
        var target = issue + horizon;
        var targetTime = history.TimeOf(target);
        var targetDay = DateOnly.FromDateTime(targetTime);
        var level = Level(known);
        var weeklyMean = known.WeeklyMean(target);
        var ratio24 = known.LevelRatio(24);
        // Weather rows are daily totals, complete only once the day is over: the issue day's row is not yet known.
        // targetDayWeather stands the observed day in for a weather forecast: an experiment only, it reads the future.
        var weather = history.Weather.GetValueOrDefault(targetDayWeather ? targetDay : DateOnly.FromDateTime(history.TimeOf(issue)).AddDays(-1));

        var f = new float[Count];
        f[0] = horizon;
        f[1] = targetTime.Hour;
        f[2] = (int)targetTime.DayOfWeek;
        f[3] = Holidays.IsHoliday(targetDay) ? 1 : 0;
        f[4] = Holidays.IsHoliday(targetDay.AddDays(-7)) ? 1 : 0;
        f[5] = Holidays.IsHoliday(targetDay.AddDays(1)) ? 1 : 0;
        f[6] = MathF.Log(level);
        f[7] = known.At(issue) / level;
        f[8] = known.At(issue - 1) / level;
        f[9] = known.At(issue - 2) / level;
        f[10] = known.At(target - 24) / level;
        f[11] = known.At(target - 168) / level;
        f[12] = known.At(target - 336) / level;
        f[13] = weeklyMean / level;
        f[14] = ratio24;
        f[15] = known.LevelRatio(3);
        f[16] = known.LevelRatio(168);
        f[17] = known.WeeklyMean(issue) / level;
        f[18] = NeighbourRatio(history, zone, issue);
        f[19] = weather?.Precipitation ?? float.NaN;
        f[20] = weather?.Snowfall ?? float.NaN;
        f[21] = weather?.SnowDepth ?? float.NaN;
        f[22] = weather?.MaxTemperature ?? float.NaN;
        f[ZoneIndex] = zone;
        f[24] = weeklyMean * ratio24 / level;
        f[25] = known.At(issue - 168) / level;
        var weeklyMeanAtIssue = known.WeeklyMean(issue);
        // Where the last known hour would land if the zone follows its usual rhythm from now to the target.
        f[26] = weeklyMeanAtIssue > 0 ? known.At(issue) * weeklyMean / weeklyMeanAtIssue / level : float.NaN;
        f[27] = known.LevelRatio(6);
        f[28] = known.LevelRatio(12);
        f[29] = known.At(target - 48) / level;
        f[30] = known.At(target - 72) / level;
        f[31] = weeklyMean * f[15] / level;
        var median = known.WeeklyMedian(target);
        f[32] = median / level;
        f[33] = known.MedianLevelRatio(24);
        f[34] = median * f[33] / level;
        // Recent-hours dynamics: how the last hours ran against what was expected of them, in the zone and city-wide.
        // Off (--no-dynamics) = missing, so LightGBM never splits on them and the model is the earlier 35-feature one.
        for (var i = 35; i < Count; i++) f[i] = float.NaN;
        if (dynamics)
        {
            f[35] = Ratio(known.At(issue), known.WeeklyMean(issue));
            f[36] = Ratio(known.At(issue - 1), known.WeeklyMean(issue - 1));
            f[37] = Ratio(known.At(issue - 2), known.WeeklyMean(issue - 2));
            f[38] = history.TimeOf(issue).Hour;
            f[39] = (known.At(issue) - known.At(issue - 1)) / level;
            f[40] = Ratio(known.At(issue), known.WeeklyMean(issue) * ratio24);
            f[41] = Ratio(known.Sum(issue - 2, issue), (known.WeeklyMean(issue) + known.WeeklyMean(issue - 1) + known.WeeklyMean(issue - 2)) * ratio24);
            // The whole city against its usual rhythm: rain or an event moves every zone at once.
            var city = CityRatios(history, issue);
            f[42] = city[0];
            f[43] = city[1];
            f[44] = city[2];
        }
        if (shapes)
        {
            // Alternative forecasts as multiples of the base (the label's unit): the last hour carried to the target along
            // last week's, yesterday's and the 4-week intraday shape; the level of the last hours weighted toward the latest
            // (zone and city) and of today so far, against the last day's level the base already uses.
            var scale = Base(known, horizon);
            var last = known.At(issue);
            f[45] = last * (known.At(target - 168) + 1) / (known.At(issue - 168) + 1) / scale;
            f[46] = last * (known.At(target - 24) + 1) / (known.At(issue - 24) + 1) / scale;
            f[47] = weeklyMeanAtIssue > 0 ? last * weeklyMean / weeklyMeanAtIssue / scale : float.NaN;
            f[48] = Ratio(WeightedRatio(known), ratio24);
            f[49] = Ratio(CityWeightedRatio(history, issue), CityRatios(history, issue)[2]);
            var hoursToday = history.TimeOf(issue).Hour + 1;
            f[50] = Ratio(known.LevelRatio(hoursToday), ratio24);
        }
        return f;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DemandHistory, System.Collections.Concurrent.ConcurrentDictionary<int, float[]>> CityCache = new();

    /// <summary>All zones' orders over the last 1, 3 and 24 hours against their 4-week same-hour-of-week means.</summary>
    private static float[] CityRatios(DemandHistory history, int issue) =>
        CityCache.GetOrCreateValue(history).GetOrAdd(issue, i =>
        {
            var spans = new[] { 1, 3, 24 };
            var result = new float[spans.Length];
            for (var s = 0; s < spans.Length; s++)
            {
                float actual = 0, usual = 0;
                foreach (var counts in history.Counts)
                {
                    var known = new KnownSeries(counts, i);
                    for (var h = i - spans[s] + 1; h <= i; h++)
                    {
                        var a = known.At(h);
                        var u = known.WeeklyMean(h);
                        if (float.IsNaN(a) || float.IsNaN(u)) continue;
                        actual += a; usual += u;
                    }
                }
                result[s] = usual > 0 ? actual / usual : float.NaN;
            }
            return result;
        });

    /// <summary>Last 12 hours against their 4-week profile, each hour weighing 0.7 of the one after it.</summary>
    private static float WeightedRatio(KnownSeries known)
    {
        float actual = 0, usual = 0, w = 1;
        for (var i = known.Issue; i > known.Issue - 12; i--, w *= 0.7f)
        {
            var a = known.At(i);
            var u = known.WeeklyMean(i);
            if (float.IsNaN(a) || float.IsNaN(u)) continue;
            actual += w * a; usual += w * u;
        }
        return usual > 0 ? actual / usual : float.NaN;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DemandHistory, System.Collections.Concurrent.ConcurrentDictionary<int, float>> CityWeightedCache = new();

    private static float CityWeightedRatio(DemandHistory history, int issue) =>
        CityWeightedCache.GetOrCreateValue(history).GetOrAdd(issue, i =>
        {
            float actual = 0, usual = 0;
            foreach (var counts in history.Counts)
            {
                var known = new KnownSeries(counts, i);
                float w = 1;
                for (var h = i; h > i - 12; h--, w *= 0.7f)
                {
                    var a = known.At(h);
                    var u = known.WeeklyMean(h);
                    if (float.IsNaN(a) || float.IsNaN(u)) continue;
                    actual += w * a; usual += w * u;
                }
            }
            return usual > 0 ? actual / usual : float.NaN;
        });

    private static float Ratio(float actual, float usual) => usual > 0 ? actual / usual : float.NaN;

    private static float NeighbourRatio(DemandHistory history, int zone, int issue)
    {
        float actual = 0, usual = 0;
        foreach (var n in history.NeighbourIndexes[zone])
        {
            var known = new KnownSeries(history.Counts[n], issue);
            for (var i = issue - 2; i <= issue; i++)
            {
                var a = known.At(i);
                var u = known.WeeklyMean(i);
                if (float.IsNaN(a) || float.IsNaN(u)) continue;
                actual += a; usual += u;
            }
        }
        return usual <= 0 ? float.NaN : actual / usual;
    }
}
