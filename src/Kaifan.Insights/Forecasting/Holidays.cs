namespace Kaifan.Insights.Forecasting;

/// <summary>US federal holidays (observed dates) and the NYC days that move taxi demand, 2016–2018: known in advance,
/// so using them for a target hour leaks nothing.</summary>
internal static class Holidays
{
    private static readonly HashSet<DateOnly> Days =
    [
        new(2016, 11, 24), new(2016, 11, 25), new(2016, 12, 24), new(2016, 12, 25), new(2016, 12, 26), new(2016, 12, 31),
        new(2017, 1, 1), new(2017, 1, 2), new(2017, 1, 16), new(2017, 2, 20), new(2017, 4, 14), new(2017, 4, 16),
        new(2017, 5, 29), new(2017, 7, 4), new(2017, 9, 4), new(2017, 10, 9), new(2017, 11, 10), new(2017, 11, 23),
        new(2017, 11, 24), new(2017, 12, 24), new(2017, 12, 25), new(2017, 12, 31),
        new(2018, 1, 1), new(2018, 1, 15), new(2018, 2, 19), new(2018, 5, 28), new(2018, 7, 4),
    ];

    public static bool IsHoliday(DateOnly day) => Days.Contains(day);
    public static bool IsHoliday(DateTime time) => IsHoliday(DateOnly.FromDateTime(time));
}
