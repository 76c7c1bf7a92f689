using Kaifan.BuildingBlocks.Time;
using Orleans.Configuration;

namespace Kaifan.Host;

/// <summary>
/// The host's clock: the wall clock, or with Kaifan:Clock:Speed and/or Kaifan:Clock:Start (an ISO instant) one that
/// starts elsewhere and may run faster, for the day simulator (ADR 0010) and the benchmarks. GET /api/clock tells a
/// client which "now" the host lives in.
/// </summary>
internal static class SimulatedClock
{
    internal sealed record ClockView(DateTimeOffset Now, double Speed);

    public static void AddKaifanClock(this WebApplicationBuilder builder)
    {
        var speed = builder.Configuration.GetValue<double?>("Kaifan:Clock:Speed") ?? 1.0;
        var start = builder.Configuration.GetValue<DateTimeOffset?>("Kaifan:Clock:Start");
        if (speed == 1.0 && start is null)
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return;
        }

        // A start at real speed is a clock set to another hour (the customer-flow benchmark shops at noon whenever it runs).
        builder.Services.AddSingleton<TimeProvider>(new AcceleratedTimeProvider(start ?? TimeProvider.System.GetUtcNow(), speed));

        // Placement's timeout is the one part of Orleans that reads the host clock without an area of its own (Orleans.cs):
        // scaled back, placing a grain still has 30 real seconds.
        builder.Services.PostConfigure<SiloMessagingOptions>(o => o.PlacementTimeout *= Math.Max(1, speed));
    }

    public static void MapKaifanClock(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/clock", (TimeProvider clock) => new ClockView(clock.GetUtcNow(), (clock as AcceleratedTimeProvider)?.Speed ?? 1.0))
            .AllowAnonymous().WithTags("Host").Produces<ClockView>();
}
