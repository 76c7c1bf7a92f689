using System.Globalization;
using Kaifan.Contracts;

namespace Kaifan.Web.Shopping;

/// <summary>How money and times look to people: ¥ with fen turned to yuan, clock times in Asia/Shanghai.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Shanghai = FindShanghai();

    public static string Yuan(long fen) => "¥" + Fen.ToYuan(fen);

    /// <summary>¥ with both decimals, as a balance and its ledger show money: ¥20.00, −¥18.50, +¥5.00 when signed.</summary>
    public static string Cents(long fen, bool signed = false) =>
        (fen < 0 ? "−" : signed ? "+" : "") + "¥" + (Math.Abs(fen) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static DateTimeOffset InShanghai(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Shanghai);

    /// <summary>HH:mm in Shanghai, or --:-- for a step not reached yet.</summary>
    public static string Clock(DateTimeOffset? at) =>
        at is { } t ? InShanghai(t).ToString("HH:mm", CultureInfo.InvariantCulture) : "--:--";

    public static string DateTime(DateTimeOffset at) => InShanghai(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd in Shanghai: a coupon expiring at 23:30 UTC runs to the next Shanghai day.</summary>
    public static string Date(DateTimeOffset at) => InShanghai(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>mm:ss of what is left, never negative.</summary>
    public static string Countdown(TimeSpan left)
    {
        var seconds = Math.Max(0, (int)Math.Ceiling(left.TotalSeconds));
        return $"{seconds / 60:00}:{seconds % 60:00}";
    }

    public static string Rating(double rating) => rating.ToString("0.0", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindShanghai()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
