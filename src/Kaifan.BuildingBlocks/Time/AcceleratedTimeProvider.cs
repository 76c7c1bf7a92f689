namespace Kaifan.BuildingBlocks.Time;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than the wall clock from <see cref="Start"/> on, for the day
/// simulator (ADR 0010): every "now", stopwatch and timer of code that takes the injected TimeProvider lives in
/// simulated time, so a 30-second offer expires after 0.5 real seconds at 60×. Code that reads the wall clock itself
/// (Wolverine's scheduler polling, PeriodicTimer flushers, Kestrel) keeps real time.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly long startTimestamp = System.GetTimestamp();

    public AcceleratedTimeProvider(DateTimeOffset start, double speed)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be a positive number");
        }

        (Start, Speed) = (start, speed);
    }

    public DateTimeOffset Start { get; }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => Start + Scaled(System.GetElapsedTime(startTimestamp));

    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => startTimestamp + (long)((System.GetTimestamp() - startTimestamp) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>A simulated span as the wall clock sees it; Infinite stays Infinite.</summary>
    public TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / Speed)));

    private TimeSpan Scaled(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Speed));

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
