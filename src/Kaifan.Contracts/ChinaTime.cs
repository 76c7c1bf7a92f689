namespace Kaifan.Contracts;

/// <summary>Asia/Shanghai keeps UTC+8 all year (no daylight saving), so a Shanghai day or hour is a fixed UTC window.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
}
