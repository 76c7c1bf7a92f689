using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Eta;
using Kaifan.Tracking.Progress;

namespace Kaifan.Tracking.Live;

/// <summary>The `snapshot` event: what the order page shows on (re)connect.</summary>
internal sealed record OrderSnapshot(Guid OrderId, string Status, string Title, IReadOnlyList<ProgressStep> Timeline, EtaView Eta, RiderPosition? Rider);

/// <summary>The `status` event: one step the order reached.</summary>
internal sealed record StatusChanged(Guid OrderId, string Step, string Label, DateTimeOffset At, string Title);

/// <summary>The `position` event: where this order's rider is, only while 配送中.</summary>
internal sealed record RiderPosition(Guid OrderId, Guid RiderId, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>
/// One customer's live view of one order: a snapshot, then each step once and in order, the ETA after each
/// step, and the rider's position while the food is on its way. Ends (event `end`) once delivered or cancelled.
/// </summary>
internal sealed class OrderStream(IOrderTracking orders, IRiderLocations riders, EtaCalculator eta, TrackingSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    public async IAsyncEnumerable<SseItem<object>> RunAsync(OrderTrackingInfo order, OrderSubscription subscription, [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        var sent = OrderProgress.Reached(order).Select(s => s.Step).ToHashSet();
        var rider = await RiderOfAsync(order, ct);
        var position = rider is not null && OrderProgress.MayShow(order, rider) ? PositionOf(order, rider) : null;
        yield return new SseItem<object>(Snapshot(order, position, await eta.EstimateAsync(order, rider, clock.GetUtcNow(), ct)), "snapshot") { ReconnectionInterval = Retry };
        var lastPositionAt = position?.At;

        while (!OrderProgress.IsFinished(order))
        {
            var announced = await NextUpdatesAsync(subscription, ct);
            if (announced.Count > 0)
            {
                order = await orders.GetAsync(order.OrderId, ct) ?? order;
                var fresh = OrderProgress.Unsent(order, announced, sent);
                foreach (var step in fresh)
                {
                    sent.Add(step.Step);
                    yield return new SseItem<object>(new StatusChanged(order.OrderId, step.Step, step.Label, step.At!.Value, OrderProgress.TitleOf(order)), "status") { EventId = step.Step };
                }

                if (fresh.Count > 0)
                {
                    yield return new SseItem<object>(await eta.EstimateAsync(order, await RiderOfAsync(order, ct), clock.GetUtcNow(), ct), "eta");
                }
            }

            if (OrderProgress.ShowsRider(order) && await RiderOfAsync(order, ct) is { } now && OrderProgress.MayShow(order, now) && now.At != lastPositionAt)
            {
                lastPositionAt = now.At;
                yield return new SseItem<object>(PositionOf(order, now), "position");
            }
        }

        yield return new SseItem<object>(new { orderId = order.OrderId, title = OrderProgress.TitleOf(order) }, "end");
    }

    private static OrderSnapshot Snapshot(OrderTrackingInfo order, RiderPosition? position, EtaView eta) =>
        new(order.OrderId, order.Status, OrderProgress.TitleOf(order), OrderProgress.Timeline(order), eta, position);

    private static RiderPosition PositionOf(OrderTrackingInfo order, RiderLocation rider) =>
        new(order.OrderId, rider.RiderId, rider.Position.Latitude, rider.Position.Longitude, rider.At);

    private async Task<RiderLocation?> RiderOfAsync(OrderTrackingInfo order, CancellationToken ct) =>
        order.RiderId is { } riderId && order.CancelledAt is null && order.DeliveredAt is null ? await riders.GetAsync(riderId, ct) : null;

    /// <summary>
    /// Waits for updates, but no longer than the position interval, so positions keep flowing between steps.
    /// The wait is wall-clock pacing, not a business time, so it does not go through the injected clock.
    /// </summary>
    private async Task<List<ProgressStep>> NextUpdatesAsync(OrderSubscription subscription, CancellationToken ct)
    {
        using var pause = CancellationTokenSource.CreateLinkedTokenSource(ct);
        pause.CancelAfter(settings.PositionInterval);
        try
        {
            await subscription.Updates.WaitToReadAsync(pause.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }

        var steps = new List<ProgressStep>();
        while (subscription.Updates.TryRead(out var update))
        {
            steps.Add(update.Step);
        }

        return steps;
    }
}
