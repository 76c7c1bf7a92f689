using Microsoft.Extensions.Configuration;

namespace Kaifan.Dispatch;

/// <summary>
/// Kaifan:Dispatch:* — how often zones decide, how long an offer stands, how often positions reach the database,
/// how often buffered pings reach the rider grains and how long this host trusts "online" without asking.
/// </summary>
internal sealed record DispatchOptions(
    TimeSpan Round,
    TimeSpan OfferTimeout,
    TimeSpan PositionFlush,
    double RoadFactor,
    TimeSpan BundleWindow,
    TimeSpan PingFlush,
    TimeSpan OnlineCache,
    TimeSpan HistorySpacing)
{
    public static DispatchOptions FromConfiguration(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:RoundSeconds", 3.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:OfferSeconds", 30.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:PositionFlushSeconds", 5.0)),
        configuration.GetValue("Kaifan:Dispatch:RoadFactor", 1.3),
        TimeSpan.FromMinutes(configuration.GetValue("Kaifan:Dispatch:BundleWindowMinutes", 5.0)),
        TimeSpan.FromMilliseconds(configuration.GetValue("Kaifan:Dispatch:PingFlushMilliseconds", 150.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:OnlineCacheSeconds", 10.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:PositionHistorySeconds", 1.0)));
}
