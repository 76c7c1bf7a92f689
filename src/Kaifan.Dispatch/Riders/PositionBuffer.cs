using System.Collections.Concurrent;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// Per-host ping buffer, so a ping costs no grain call: the latest position per rider waits here for the
/// <see cref="PingFlusher"/> (every few hundred ms) and a sample of them for the <see cref="PositionFlusher"/>
/// (history, every few seconds). "Online" is trusted from a short-lived local cache that the grain refreshes
/// on every flush; a rider the grain calls offline drops out of it, so the next ping asks the grain and gets 409.
/// </summary>
internal sealed class PositionBuffer(DispatchOptions options)
{
    private readonly ConcurrentDictionary<Guid, RiderPosition> latest = new();
    private readonly ConcurrentDictionary<Guid, long> onlineUntil = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastKept = new();
    private readonly ConcurrentQueue<RiderPosition> history = new();

    // Positions drained but not yet confirmed by their grains: readers still see them meanwhile.
    private volatile IReadOnlyDictionary<Guid, RiderPosition> inFlight = new Dictionary<Guid, RiderPosition>();

    public bool KnownOnline(Guid riderId) => onlineUntil.TryGetValue(riderId, out var until) && until > Environment.TickCount64;

    public void MarkOnline(Guid riderId) => onlineUntil[riderId] = Environment.TickCount64 + (long)options.OnlineCache.TotalMilliseconds;

    /// <summary>Going on- or offline here: forget what this host believed and any position still waiting.</summary>
    public void Forget(Guid riderId)
    {
        onlineUntil.TryRemove(riderId, out _);
        latest.TryRemove(riderId, out _);
    }

    public void MarkOffline(Guid riderId) => onlineUntil.TryRemove(riderId, out _);

    public void Add(RiderPosition position)
    {
        latest.AddOrUpdate(position.RiderId, static (_, p) => p, static (_, old, p) => old.At > p.At ? old : p, position);

        // The trail needs no more than one point per rider per spacing; a phone pings every ~5 s anyway.
        var kept = lastKept.GetValueOrDefault(position.RiderId, DateTimeOffset.MinValue);
        if (position.At - kept >= options.HistorySpacing)
        {
            lastKept[position.RiderId] = position.At;
            history.Enqueue(position);
        }
    }

    /// <summary>The newest position this host holds that its grain may not have yet.</summary>
    public RiderPosition? Pending(Guid riderId)
    {
        var waiting = latest.GetValueOrDefault(riderId);
        var sending = inFlight.GetValueOrDefault(riderId);
        return waiting is null ? sending : sending is null || waiting.At >= sending.At ? waiting : sending;
    }

    public IReadOnlyCollection<RiderPosition> DrainLatest()
    {
        var batch = new Dictionary<Guid, RiderPosition>();
        foreach (var riderId in latest.Keys)
        {
            if (latest.TryRemove(riderId, out var position))
            {
                batch[riderId] = position;
            }
        }

        inFlight = batch;
        return batch.Values;
    }

    public void Delivered() => inFlight = new Dictionary<Guid, RiderPosition>();

    public List<RiderPosition> Drain()
    {
        var batch = new List<RiderPosition>();
        while (history.TryDequeue(out var position))
        {
            batch.Add(position);
        }

        return batch;
    }
}
