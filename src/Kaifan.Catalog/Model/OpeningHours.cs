namespace Kaifan.Catalog.Model;

/// <summary>Open/closed rules in Asia/Shanghai local time, where slots may run past midnight.</summary>
internal static class OpeningHours
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    // China has had no daylight saving since 1991, so a fixed +8 is a safe fallback on hosts without tzdata.
    public static readonly TimeZoneInfo Shanghai = FindShanghai();

    public static DateTime LocalNow(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai).DateTime;

    public static bool IsOpen(bool paused, IReadOnlyCollection<OpeningSlot> slots, DateTime local) =>
        !paused && slots.Any(s => Covers(s, local));

    /// <summary>Local "HH:mm" of the next slot start when the shop is closed by its hours; null when open or paused by hand.</summary>
    public static string? NextOpensAt(bool paused, IReadOnlyCollection<OpeningSlot> slots, DateTime local)
    {
        if (paused || IsOpen(paused, slots, local))
        {
            return null;
        }

        DateTime? next = null;
        for (var d = 0; d <= 7; d++)
        {
            var date = local.Date.AddDays(d);
            foreach (var slot in slots.Where(s => s.Day == date.DayOfWeek))
            {
                var start = date.Add(slot.Open.ToTimeSpan());
                if (start > local && (next is null || start < next))
                {
                    next = start;
                }
            }
        }

        return next?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool Covers(OpeningSlot slot, DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (slot.Open < slot.Close)
        {
            return slot.Day == local.DayOfWeek && time >= slot.Open && time < slot.Close;
        }

        var yesterday = (DayOfWeek)(((int)local.DayOfWeek + 6) % 7);
        return (slot.Day == local.DayOfWeek && time >= slot.Open) || (slot.Day == yesterday && time < slot.Close);
    }

    /// <summary>Two slots overlap when their spans in the week intersect, counting a Sunday-night slot running into Monday.</summary>
    public static bool Overlap(DayOfWeek dayA, TimeOnly openA, TimeOnly closeA, DayOfWeek dayB, TimeOnly openB, TimeOnly closeB)
    {
        var (startA, endA) = Span(dayA, openA, closeA);
        var (startB, endB) = Span(dayB, openB, closeB);
        return new[] { -MinutesPerWeek, 0, MinutesPerWeek }.Any(shift => startA < endB + shift && startB + shift < endA);
    }

    private static (int Start, int End) Span(DayOfWeek day, TimeOnly open, TimeOnly close)
    {
        var start = ((int)day * MinutesPerDay) + (open.Hour * 60) + open.Minute;
        var length = (close.Hour * 60) + close.Minute - (open.Hour * 60) - open.Minute;
        return (start, start + (length > 0 ? length : length + MinutesPerDay));
    }

    private static TimeZoneInfo FindShanghai()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
