using System.Collections.Concurrent;
using System.Threading.Channels;
using Kaifan.Tracking.Progress;

namespace Kaifan.Tracking.Live;

/// <summary>An order reached a step; the stream re-reads the order and tells what it has not told yet.</summary>
public sealed record OrderUpdate(Guid OrderId, ProgressStep Step);

/// <summary>
/// Fans order updates out to the live streams watching that order. In-memory within one host; in Cluster mode
/// a Redis pub/sub implementation of this interface carries Publish to every host (the event handler runs on one
/// host, the customer's stream may be open on another).
/// </summary>
internal interface IOrderUpdates
{
    OrderSubscription Subscribe(Guid orderId);

    void Publish(OrderUpdate update);
}

/// <summary>Updates for one order until disposed; a slow reader keeps only the newest few, it re-reads the order anyway.</summary>
internal sealed class OrderSubscription(Guid orderId, Action<OrderSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<OrderUpdate> channel = Channel.CreateBounded<OrderUpdate>(
        new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public Guid OrderId { get; } = orderId;

    public ChannelReader<OrderUpdate> Updates => channel.Reader;

    internal void Offer(OrderUpdate update) => channel.Writer.TryWrite(update);

    public void Dispose()
    {
        channel.Writer.TryComplete();
        unsubscribe(this);
    }
}

internal sealed class InMemoryOrderUpdates : IOrderUpdates
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> watchers = new();

    public OrderSubscription Subscribe(Guid orderId)
    {
        var subscription = new OrderSubscription(orderId, Unsubscribe);
        watchers.AddOrUpdate(orderId, _ => new([subscription]), (_, list) => list.With(subscription));
        return subscription;
    }

    public void Publish(OrderUpdate update)
    {
        if (watchers.TryGetValue(update.OrderId, out var list))
        {
            foreach (var subscription in list.Items)
            {
                subscription.Offer(update);
            }
        }
    }

    private void Unsubscribe(OrderSubscription subscription)
    {
        while (watchers.TryGetValue(subscription.OrderId, out var list))
        {
            var rest = list.Without(subscription);
            var done = rest.Items.Length == 0
                ? watchers.TryRemove(new KeyValuePair<Guid, ImmutableSubscribers>(subscription.OrderId, list))
                : watchers.TryUpdate(subscription.OrderId, rest, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed record ImmutableSubscribers(OrderSubscription[] Items)
    {
        public ImmutableSubscribers With(OrderSubscription s) => new([.. Items, s]);

        public ImmutableSubscribers Without(OrderSubscription s) => new(Items.Where(i => i != s).ToArray());
    }
}
