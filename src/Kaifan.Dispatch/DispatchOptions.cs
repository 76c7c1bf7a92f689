using Kaifan.Contracts;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Dispatch;

/// <summary>
/// Kaifan:Dispatch:* — how often zones decide, how long an offer stands, how often positions reach the database,
/// how often buffered pings reach the rider grains and how long this host trusts "online" without asking.
/// TravelFlaggedRoadScale: in a zone Insights flags because rides overran most among its late orders (IZoneTravelFlags),
/// the road factor is multiplied by this, so routes, bundles and the minutes offered to riders assume slower rides
/// until its late orders stop being mostly rides (1.25 is a cautious guess, not measured: a 10-minute ride is planned
/// 2.5 minutes longer, past the 2 minutes Insights tolerates before it blames a stage); TravelFlagWindow: how far back those late orders are counted, TravelFlagRefresh: how often a zone
/// asks again. SilentAfter: a rider whose app has sent no position for this long (phone off, no signal, app killed) gets
/// no new offers until it reports again; the rider app reports every 5 s, so this is many missed reports, not one.
/// StalledAfter: a rider who keeps reporting but has stood in one place this long with food on board, away from every
/// stop of their route (accident, breakdown, stuck), would otherwise look "free in a few minutes" forever, since their
/// free minute is planned from where they stand; dispatch chains nothing more onto them until they move or finish a
/// step, ops sees 滞留. Waiting at a door (customer coming down) or a shop (the bundle's other order) is the job, so it
/// never counts; a light or a queue is shorter than 8 minutes.
/// PositionRetentionDays (30): how long a point of the position trail is kept; each rider's newest point is kept however
/// old (ADR 0026).
/// </summary>
internal sealed record DispatchOptions(
    TimeSpan Round,
    TimeSpan OfferTimeout,
    TimeSpan PositionFlush,
    double RoadFactor,
    TimeSpan BundleWindow,
    TimeSpan PingFlush,
    TimeSpan OnlineCache,
    TimeSpan HistorySpacing,
    double TravelFlaggedRoadScale,
    TimeSpan TravelFlagWindow,
    TimeSpan TravelFlagRefresh,
    TimeSpan SilentAfter,
    TimeSpan StalledAfter,
    TimeSpan PositionRetention)
{
    /// <summary>
    /// A rider who drifts less than this stands still: GPS wobbles by tens of metres in place, and a rider moving on
    /// goes further than this within one minute even on foot.
    /// </summary>
    public const double StillMetres = 50;

    /// <summary>Within this of a drop-off or a shop the rider is at the building, where waiting is the job.</summary>
    public const double AtAStopMetres = 150;

    /// <summary>How far from an order's drop-off pin a rider may tap 已到达 and have that spot count as its door: a
    /// campus gate, not anywhere in town (a tap far away would hide a breakdown from the 滞留 rule).</summary>
    public const double DoorReachMetres = 500;

    /// <summary>A campus batch run is offered this long before its departure, so its rider is at the first shop when the
    /// run leaves — the moment Tracking promises the customer's ride from. A ride across a campus takes a few minutes.</summary>
    public static readonly TimeSpan BatchLead = TimeSpan.FromMinutes(5);

    public static DispatchOptions FromConfiguration(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:RoundSeconds", 3.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:OfferSeconds", 30.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:PositionFlushSeconds", 5.0)),
        configuration.GetValue("Kaifan:Dispatch:RoadFactor", 1.3),
        TimeSpan.FromMinutes(configuration.GetValue("Kaifan:Dispatch:BundleWindowMinutes", 5.0)),
        TimeSpan.FromMilliseconds(configuration.GetValue("Kaifan:Dispatch:PingFlushMilliseconds", 150.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:OnlineCacheSeconds", 10.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Kaifan:Dispatch:PositionHistorySeconds", 1.0)),
        configuration.GetValue("Kaifan:Dispatch:TravelFlaggedRoadScale", 1.25),
        TimeSpan.FromMinutes(configuration.GetValue("Kaifan:Dispatch:TravelFlagWindowMinutes", 120.0)),
        TimeSpan.FromMinutes(configuration.GetValue("Kaifan:Dispatch:TravelFlagRefreshMinutes", 5.0)),
        RuleAfterMinutes(configuration.GetValue("Kaifan:Dispatch:SilentRiderMinutes", 5.0)),
        RuleAfterMinutes(configuration.GetValue("Kaifan:Dispatch:StalledRiderMinutes", 8.0)),
        TimeSpan.FromDays(configuration.GetValue("Kaifan:Dispatch:PositionRetentionDays", 30.0)));

    /// <summary>Whether a rider last heard from at <paramref name="lastPosition"/> is silent now: dispatch skips them, ops sees 失联.</summary>
    public bool IsSilent(DateTimeOffset lastPosition, DateTimeOffset now) => now - lastPosition > SilentAfter;

    /// <summary>
    /// Whether a rider standing at <paramref name="position"/>, within <see cref="StillMetres"/> of it since
    /// <paramref name="stillSince"/> (their last move or finished step), is stalled now: dispatch offers them nothing new,
    /// ops sees 滞留. Only with food on board (an idle rider may wait anywhere), and never at one of the
    /// <paramref name="stops"/> still on their route (a door, or a shop whose food they still fetch): waiting there is the job.
    /// </summary>
    public bool IsStalled(DateTimeOffset stillSince, GeoPoint position, bool carryingFood, IEnumerable<GeoPoint> stops, DateTimeOffset now) =>
        carryingFood && now - stillSince > StalledAfter && stops.All(stop => position.DistanceMetresTo(stop) > AtAStopMetres);

    // 0 (or less) turns a rule off rather than making every rider silent or stalled.
    private static TimeSpan RuleAfterMinutes(double minutes) => minutes > 0 ? TimeSpan.FromMinutes(minutes) : TimeSpan.MaxValue;
}
