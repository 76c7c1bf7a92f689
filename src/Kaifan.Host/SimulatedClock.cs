using Kaifan.BuildingBlocks.Time;
using Orleans.Configuration;

namespace Kaifan.Host;

/// <summary>
/// The host's clock: the wall clock, or with Kaifan:Clock:Speed (and optionally Kaifan:Clock:Start, an ISO instant)
/// an accelerated one for the day simulator (ADR 0010). GET /api/clock tells a client which "now" the host lives in.
/// </summary>
internal static class SimulatedClock
{
    internal sealed record ClockView(DateTimeOffset Now, double Speed);

    public static void AddKaifanClock(this WebApplicationBuilder builder)
    {
        var speed = builder.Configuration.GetValue<double?>("Kaifan:Clock:Speed");
        if (speed is null or 1.0)
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return;
        }

        var start = builder.Configuration.GetValue<DateTimeOffset?>("Kaifan:Clock:Start") ?? TimeProvider.System.GetUtcNow();
        builder.Services.AddSingleton<TimeProvider>(new AcceleratedTimeProvider(start, speed.Value));

        // Orleans measures its call timeouts and idle-grain ages with the host clock too: scaled back, a grain call
        // still has 30 real seconds and a rider who pinged a minute ago is not collected after a few real seconds.
        var factor = Math.Max(1, speed.Value);
        builder.Services.PostConfigure<SiloMessagingOptions>(o => (o.ResponseTimeout, o.SystemResponseTimeout) = (o.ResponseTimeout * factor, o.SystemResponseTimeout * factor));
        builder.Services.PostConfigure<GrainCollectionOptions>(o => o.CollectionAge *= factor);

        // Orleans' watchdogs time their own loops with the host clock: at 60× every 50 ms pause reads as a 3-second stall.
        foreach (var noisy in new[] { "Orleans.Runtime.Watchdog", "Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", "Orleans.Runtime.AsyncTimer" })
        {
            builder.Logging.AddFilter(noisy, LogLevel.Critical);
        }
    }

    public static void MapKaifanClock(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/clock", (TimeProvider clock) => new ClockView(clock.GetUtcNow(), (clock as AcceleratedTimeProvider)?.Speed ?? 1.0))
            .AllowAnonymous().WithTags("Host").Produces<ClockView>();
}
