namespace Kaifan.Contracts;

/// <summary>Money is always integer fen (¥1 = 100 fen); this formats it for people.</summary>
public static class Fen
{
    public static string ToYuan(long fen) => (fen / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
