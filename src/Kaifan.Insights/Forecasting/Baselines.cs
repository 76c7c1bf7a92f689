namespace Kaifan.Insights.Forecasting;

internal enum Method { Model, SameHourYesterday, SameHourLastWeek, FourWeekMean, ScaledFourWeekMean }

/// <summary>Seasonal-naive forecasts for target hour issue+horizon, using only what is known at the issue hour.</summary>
internal static class Baselines
{
    public static readonly Method[] All = [Method.SameHourYesterday, Method.SameHourLastWeek, Method.FourWeekMean, Method.ScaledFourWeekMean];

    public static float Forecast(Method method, KnownSeries known, int horizon)
    {
        var target = known.Issue + horizon;
        return method switch
        {
            Method.SameHourYesterday => known.At(target - 24),
            Method.SameHourLastWeek => known.At(target - 168),
            Method.FourWeekMean => known.WeeklyMean(target),
            Method.ScaledFourWeekMean => known.WeeklyMean(target) * known.LevelRatio(),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    public static string Label(Method method) => method switch
    {
        Method.Model => "LightGBM (global)",
        Method.SameHourYesterday => "same hour yesterday",
        Method.SameHourLastWeek => "same hour last week",
        Method.FourWeekMean => "4-week same-hour-of-week mean",
        Method.ScaledFourWeekMean => "4-week mean × recent level",
        _ => method.ToString(),
    };
}
