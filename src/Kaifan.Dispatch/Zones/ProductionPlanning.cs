using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// How the zone grain runs the benchmark's optimiser on live riders. People need lead time (30 s to answer an
/// offer, a decline passes it on), so a route is committed when it must start within 10 minutes rather than the
/// replay's 1, and an order few riders can serve is offered to one of them at once, so that the customer hears
/// that a rider is coming and the rider can plan for it (a rider may decline; the replay's couriers cannot, which is
/// why it holds such orders until they are due); the solver gets a small deterministic budget because a round runs
/// every 3 s.
/// </summary>
internal static class ProductionPlanning
{
    public static readonly DispatchSettings Settings = new()
    {
        DecisionIntervalMinutes = 10,
        SolverDeterministicSeconds = 0.1,
        ScarceCommitMinutes = 24 * 60,
    };

    /// <summary>The pace the travel model is set for (a typical campus ride); each vehicle rides at its own multiple of it.</summary>
    public const double ModelSpeedKmh = 15;

    /// <summary>
    /// A typical campus rider (15 km/h on roads the road factor longer than straight lines), 2-minute handovers; in a
    /// zone Insights flags for travel overruns, the slower road factor of <see cref="RoadFactor"/>.
    /// </summary>
    public static TravelModel Travel(DispatchOptions options, bool travelFlagged = false) =>
        new(ModelSpeedKmh * 1000 / 60 / RoadFactor(options, travelFlagged), 2, 2);

    public static double RoadFactor(DispatchOptions options, bool travelFlagged) =>
        travelFlagged ? options.RoadFactor * options.TravelFlaggedRoadScale : options.RoadFactor;
}
