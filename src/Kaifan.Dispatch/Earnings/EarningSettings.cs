using Microsoft.Extensions.Configuration;

namespace Kaifan.Dispatch.Earnings;

/// <summary>
/// Kaifan:Dispatch:Earnings — what a delivered order pays its rider, in fen. Public only because Wolverine's generated
/// handler code names it.
/// </summary>
public sealed class EarningSettings
{
    /// <summary>基础配送费: every delivered order.</summary>
    public long BaseFen { get; init; } = 450;

    /// <summary>距离补贴: per started kilometre from shop to door beyond the first (1.2 km pays one, 2.01 km two).</summary>
    public long PerKmFen { get; init; } = 100;

    /// <summary>恶劣天气补贴: the zone was flagged bad weather when the order was delivered.</summary>
    public long BadWeatherFen { get; init; } = 200;

    /// <summary>特殊关照补贴: the customer asked for special care (elderly, disability), which takes the rider longer.</summary>
    public long SpecialCareFen { get; init; } = 100;

    public static EarningSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = new EarningSettings();
        configuration.GetSection("Kaifan:Dispatch:Earnings").Bind(settings);
        return settings;
    }

    /// <summary>The distance part of an order whose shop is <paramref name="metres"/> from its door.</summary>
    public long DistanceFenFor(int metres) => Math.Max(0, (long)Math.Ceiling(metres / 1000.0) - 1) * PerKmFen;
}
