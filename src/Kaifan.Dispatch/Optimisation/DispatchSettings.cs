namespace Kaifan.Dispatch.Optimisation;

/// <summary>Knobs of the optimiser. Defaults are the ones measured in docs/benchmarks.md.</summary>
internal sealed record DispatchSettings
{
    /// <summary>Minutes between decision rounds; only routes that must start before the next round are committed.</summary>
    public int DecisionIntervalMinutes { get; init; } = 1;

    /// <summary>Riders who become free later than this are not considered this round.</summary>
    public int LookAheadMinutes { get; init; } = 20;

    public int MaxBundleSize { get; init; } = 3;

    /// <summary>Orders further apart than this in ready time are not bundled.</summary>
    public int MaxReadySpreadMinutes { get; init; } = 10;

    public int CandidateRidersPerBundle { get; init; } = 8;

    public int TargetClickToDoorMinutes { get; init; } = 40;

    /// <summary>Hard limit: no plan delivers an order later than this after it was placed.</summary>
    public int MaxClickToDoorMinutes { get; init; } = 90;

    public double SpecialCareWeight { get; init; } = 3.0;

    /// <summary>Value of serving an order at all, in weighted minutes; dominates so that the matching serves as many as it can.</summary>
    public double ServeReward { get; init; } = 300.0;

    /// <summary>Extra value per minute that an order's best possible click-to-door exceeds the target.</summary>
    public double UrgencyWeight { get; init; } = 12.0;

    /// <summary>
    /// Extra value of an order that no rider could deliver within the maximum after this round; larger than any
    /// bundle of fresh orders is worth, so such an order goes first.
    /// </summary>
    public double CriticalBonus { get; init; } = 3000.0;

    /// <summary>A scarce or overdue order keeps this many times as many candidate riders as other bundles.</summary>
    public int PressingRidersFactor { get; init; } = 2;

    /// <summary>A held order whose best click-to-door is within this many minutes of the maximum takes any unused rider who can start before the next round.</summary>
    public int OverdueGuardSlackMinutes { get; init; } = 30;

    /// <summary>Weight of the rider's empty ride to the merchant, so nearer riders win ties.</summary>
    public double EmptyTravelWeight { get; init; } = 0.3;

    /// <summary>A special-care order is never held while a capable idle rider is within this distance of its merchant.</summary>
    public double NearbyMeters { get; init; } = 3000;

    /// <summary>
    /// An order that at most this many riders within the look-ahead can serve is also offered to riders beyond it,
    /// and committed as soon as it is matched.
    /// </summary>
    public int ScarceAlternatives { get; init; } = 2;

    /// <summary>
    /// An order that at most <see cref="ScarceAlternatives"/> riders could still serve if it waited this long is
    /// scarce too (riders drop out as shifts end and the maximum nears).
    /// </summary>
    public int RiskHorizonMinutes { get; init; } = 6;

    /// <summary>
    /// An overdue order is also offered to this many of the best riders beyond the look-ahead (a busy rider takes it
    /// after the current route); capped so that the packing stays small at peaks.
    /// </summary>
    public int OverdueWideRiders { get; init; } = 4;

    /// <summary>
    /// Extra cost per minute an order's food waits at the merchant (pickup after ready), on top of its click-to-door:
    /// at a peak the packing then gives the nearest riders to food that is ready rather than to food that is not.
    /// </summary>
    public double ReadyWaitWeight { get; init; } = 2.0;

    /// <summary>
    /// Cost, in minutes of click-to-door, of taking a rider away from one order per hour of nearby demand that only
    /// they cover (<see cref="ReserveValue"/>); 0 turns it off.
    /// </summary>
    public double ReserveWeight { get; init; } = 2.0;

    /// <summary>A rider covers the merchants within this ride.</summary>
    public int ReserveReachMinutes { get; init; } = 10;

    /// <summary>Only riders free within this many minutes cover anything.</summary>
    public int ReserveFreeWithinMinutes { get; init; } = 10;

    /// <summary>
    /// A scarce order is promised to its rider, busy or not, once they must leave for it within this many minutes; until
    /// then it is re-planned every round like any other (a rider who can serve it sooner may appear, and the critical
    /// rule still sends it before no one could).
    /// </summary>
    public int ScarceCommitMinutes { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>CP-SAT deterministic time limit (deterministic, unlike a wall-clock limit).</summary>
    public double SolverDeterministicSeconds { get; init; } = 2.0;
}
