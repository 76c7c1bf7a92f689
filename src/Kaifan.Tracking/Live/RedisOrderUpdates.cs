using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Kaifan.Tracking.Live;

/// <summary>
/// Cluster mode: the event handler that announces a step runs on one host, the customer's stream may be open on
/// another. Each update goes to this host's watchers at once and to the other hosts through one Redis channel;
/// a host skips its own messages, so a watcher hears each update once. Redis down costs other hosts' streams a
/// step until the next one (the stream re-reads the order on every update and on reconnect), never an order.
/// </summary>
internal sealed class RedisOrderUpdates : IOrderUpdates
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("kaifan:order-updates");

    private readonly InMemoryOrderUpdates local = new();
    private readonly ISubscriber bus;
    private readonly ILogger<RedisOrderUpdates> logger;
    private readonly Guid node = Guid.NewGuid();

    public RedisOrderUpdates(RedisConnection redis, ILogger<RedisOrderUpdates> logger)
    {
        this.logger = logger;
        bus = redis.Multiplexer.GetSubscriber();

        // Subscribed before the first watcher exists, so no update published after Subscribe falls in a gap.
        bus.Subscribe(Channel, (_, message) => Receive(message));
    }

    public OrderSubscription Subscribe(Guid orderId) => local.Subscribe(orderId);

    public void Publish(OrderUpdate update)
    {
        local.Publish(update);
        try
        {
            bus.Publish(Channel, JsonSerializer.SerializeToUtf8Bytes(new Envelope(node, update)), CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not tell the other hosts that order {OrderId} reached {Step}", update.OrderId, update.Step.Step);
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<Envelope>((byte[])message!) is { } envelope && envelope.Node != node)
            {
                local.Publish(envelope.Update);
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored an unreadable order update from Redis");
        }
    }

    private sealed record Envelope(Guid Node, OrderUpdate Update);
}

/// <summary>One multiplexer per host for Tracking's Redis traffic; it connects on first use and reconnects by itself.</summary>
internal sealed class RedisConnection(string configuration) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> multiplexer = new(() => ConnectionMultiplexer.Connect(WithRetries(configuration)));

    public IConnectionMultiplexer Multiplexer => multiplexer.Value;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value.Dispose();
        }
    }

    /// <summary>A host may start before Redis answers: keep trying in the background rather than fail the start.</summary>
    public static ConfigurationOptions WithRetries(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return options;
    }
}
