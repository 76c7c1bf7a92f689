using Microsoft.AspNetCore.SignalR.Client;

namespace Kaifan.Web.Live;

/// <summary>
/// A console's line to /hubs/ops (the hub of the Tracking module) over loopback with the signed-in person's token:
/// every order step, for a watched zone every rider position, and for operators each on-time alert; for a rider's
/// app, what dispatch tells that rider. The consoles and the rider app still poll, in case the line drops; it
/// reconnects by itself.
/// </summary>
public sealed class OpsFeed : IAsyncDisposable
{
    private readonly HubConnection connection;
    private Guid? watched;

    public OpsFeed(
        Uri apiBase, string token, Func<OrderStepped, Task> onOrderStep, Func<RiderMoved, Task>? onRiderPosition = null, Func<Task>? onAlert = null)
    {
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(apiBase, "hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .Build();
        connection.On<OrderStepped>("orderStatus", onOrderStep);
        if (onRiderPosition is not null)
        {
            connection.On<RiderMoved>("riderPosition", onRiderPosition);
        }

        if (onAlert is not null)
        {
            // The hub sends the alert itself; a handler must take exactly as many arguments as are sent, or it is never called.
            connection.On<System.Text.Json.JsonElement>("ontimeAlert", _ => onAlert());
        }

        // A reconnected line is a new connection: it has to ask for its zone again.
        connection.Reconnected += async _ =>
        {
            if (watched is { } zone)
            {
                await connection.InvokeAsync("WatchZone", zone);
            }

            await onOrderStep(Resync);
        };
    }

    /// <summary>Told to the step handler after a reconnect: steps may have been missed, so re-read everything.</summary>
    public static readonly OrderStepped Resync = new(Guid.Empty, Guid.Empty, Guid.Empty, "resync", DateTimeOffset.MinValue);

    public bool Connected => connection.State == HubConnectionState.Connected;

    /// <summary>
    /// The rider app, before StartAsync: an operator took an order away from this rider; or the rider's offers changed
    /// (an operator's or a dispatch round's offer, a withdrawn one), so re-read them.
    /// </summary>
    public void OnRiderNotices(Func<RiderNotice, Task> onReassignedAway, Func<Task> onChanged)
    {
        connection.On("orderReassigned", onReassignedAway);
        connection.On<RiderNotice>("offerMade", _ => onChanged());
        connection.On("offersChanged", onChanged);
    }

    /// <summary>Before StartAsync: a 催单 for the shop (or its handling) or for this rider; the order is to be re-read.</summary>
    public void OnUrge(Func<Guid, Task> onUrge) => connection.On<UrgeHeard>("orderUrged", u => onUrge(u.OrderId));

    /// <summary>Before StartAsync: a 配送异常 was reported, went overdue or was resolved; the queue or the rider's order is to be re-read.</summary>
    public void OnDeliveryException(Func<DeliveryExceptionHeard, Task> onException) => connection.On("deliveryException", onException);
    /// <summary>Before StartAsync: a refund request for the shop was made or answered; the order is to be re-read.</summary>
    public void OnRefund(Func<Guid, Task> onRefund) => connection.On<RefundHeard>("orderRefund", r => onRefund(r.OrderId));

    public async Task StartAsync(CancellationToken ct) => await connection.StartAsync(ct);

    /// <summary>Operators only: hear this zone's rider positions instead of the previous zone's.</summary>
    public async Task WatchAsync(Guid zoneId, CancellationToken ct)
    {
        if (watched is { } old && old != zoneId)
        {
            await connection.InvokeAsync("UnwatchZone", old, ct);
        }

        watched = zoneId;
        await connection.InvokeAsync("WatchZone", zoneId, ct);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>The hub's `orderStatus` message, as far as the consoles read it.</summary>
public sealed record OrderStepped(Guid OrderId, Guid MerchantId, Guid ZoneId, string Step, DateTimeOffset At);

/// <summary>The hub's `orderReassigned` and `offerMade` messages, to one rider.</summary>
public sealed record RiderNotice(Guid OrderId, DateTimeOffset At);

/// <summary>The hub's `riderPosition` message.</summary>
public sealed record RiderMoved(Guid ZoneId, Guid RiderId, double Latitude, double Longitude, DateTimeOffset At, IReadOnlyList<Guid> OrderIds);

/// <summary>The hub's `orderUrged` message (Tracking's UrgeNotice): HeardBy is merchant, rider or handled.</summary>
public sealed record UrgeHeard(Guid OrderId, string HeardBy, int Count, DateTimeOffset At);

/// <summary>The hub's `deliveryException` message: State is reported, overdue or resolved (then Resolution says how).</summary>
public sealed record DeliveryExceptionHeard(Guid OrderId, Guid ZoneId, string Kind, string State, string? Resolution, DateTimeOffset At);
/// <summary>The hub's `orderRefund` message (Tracking's RefundNotice): State is requested, approved or rejected.</summary>
public sealed record RefundHeard(Guid OrderId, Guid RequestId, string State, DateTimeOffset At);
