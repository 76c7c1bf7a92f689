using Kaifan.Bench.Mdrp;

namespace Kaifan.Bench.Simulation;

/// <summary>How the day is replayed. Step: how often (simulated seconds) riders look at offers and ping while moving.</summary>
internal sealed record SimulationOptions(
    double Speed,
    int Connections = 32,
    double StepSeconds = 15,
    double ProgressMinutes = 10,
    int RiderCapacity = 4,
    int? RunTag = null,
    double CentreLat = 31.0250,
    double CentreLon = 121.4420,
    bool Trace = false);

/// <summary>
/// The day's outcome in simulated minutes, from the host's own timestamps (placedAt → deliveredAt). On time against the
/// promise: delivered by the ETA the customer saw when the merchant accepted; within target: click-to-door at most the
/// instance's target (40 min). Both rates are over all orders, so an undelivered order counts as late.
/// </summary>
internal sealed record SimulationResult(
    string Instance,
    int Orders,
    int Placed,
    int Delivered,
    double ClickToDoorMean,
    double ClickToDoorP90,
    double OnTimeVsPromise,
    double OnTimeWithinTarget,
    int TargetMinutes,
    double PromiseMinutesMean,
    double RealSeconds,
    IReadOnlyList<string> Failures,
    OpsOnTimeReport? Ops = null)
{
    public string Summary() => string.Join(Environment.NewLine,
        $"{Instance}: delivered {Delivered}/{Orders} (placed {Placed}), click-to-door mean {ClickToDoorMean:F1} min, p90 {ClickToDoorP90:F1} min",
        $"on time vs the promised ETA (at acceptance, mean promise {PromiseMinutesMean:F1} min after placement): {OnTimeVsPromise:P1}; within the {TargetMinutes}-min target: {OnTimeWithinTarget:P1}",
        Ops?.ToString() ?? "ops on-time page (Insights): not read",
        $"real time {RealSeconds:F0} s" + (Failures.Count == 0 ? "" : $"; {Failures.Count} failures, first: {Failures[0]}"));
}

/// <summary>One instance order as it goes through the platform; times are the host's (simulated) timestamps.</summary>
internal sealed class SimOrder(MdrpOrder source)
{
    public MdrpOrder Source { get; } = source;
    public string CustomerToken { get; set; } = "";
    public Guid AddressId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public DateTimeOffset? PromisedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool Assigned { get; set; }
    public string? Failure { get; set; }
}

internal sealed record SimMerchant(Guid Id, Guid ItemId, string Token);
