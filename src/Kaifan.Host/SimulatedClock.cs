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

        // Placement's timeout is the one part of Orleans that reads the host clock without an area of its own (Orleans.cs):
        // scaled back, placing a grain still has 30 real seconds.
        builder.Services.PostConfigure<SiloMessagingOptions>(o => o.PlacementTimeout *= Math.Max(1, speed.Value));
    }

    public static void MapKaifanClock(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/clock", (TimeProvider clock) => new ClockView(clock.GetUtcNow(), (clock as AcceleratedTimeProvider)?.Speed ?? 1.0))
            .AllowAnonymous().WithTags("Host").Produces<ClockView>();
}
