namespace Kaifan.Contracts;

/// <summary>Asia/Shanghai keeps UTC+8 all year (no daylight saving), so a Shanghai day or hour is a fixed UTC window.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Shanghai calendar day the instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The day's first instant, in UTC: stored times are UTC, and Npgsql takes only offset zero for timestamptz.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static DateTimeOffset StartOfDay(DateTimeOffset instant) => StartOf(DayOf(instant));
}
