using System.Diagnostics;

namespace Kaifan.Bench.Simulation;

/// <summary>
/// The host's simulated "now" as seen from here: read once from GET /api/clock, then advanced locally at the same
/// speed. Minute m of the instance's day is <see cref="DayStart"/> + m minutes.
/// </summary>
internal sealed class SimClock(DateTimeOffset hostNow, double speed)
{
    private readonly Stopwatch sinceSync = Stopwatch.StartNew();

    public double Speed => speed;

    public DateTimeOffset Now => hostNow + sinceSync.Elapsed * speed;

    public DateTimeOffset DayStart { get; set; }

    public DateTimeOffset At(double minuteOfDay) => DayStart.AddMinutes(minuteOfDay);

    public double MinuteOfDay => (Now - DayStart).TotalMinutes;

    public Task UntilAsync(DateTimeOffset instant, CancellationToken ct)
    {
        var wait = (instant - Now) / speed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, ct) : Task.CompletedTask;
    }

    public Task SleepAsync(TimeSpan simulated, CancellationToken ct) =>
        simulated > TimeSpan.Zero ? Task.Delay(simulated / speed, ct) : Task.CompletedTask;
}
