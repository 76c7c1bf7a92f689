using Kaifan.Contracts.Events;
using Kaifan.Tracking.Live;
using Kaifan.Tracking.Progress;

namespace Kaifan.Tracking;

/// <summary>
/// Every step of an order goes out live. Idempotent: a repeated event re-announces a step the streams already
/// sent (they skip it) and the consoles already show (they set, not toggle, the step). Nothing is stored.
/// </summary>
public static class TrackingEventsHandler
{
    public static Task Handle(OrderPlaced e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.Placed, e.PlacedAt, ct);

    public static Task Handle(OrderPaid e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.Paid, e.PaidAt, ct);

    public static Task Handle(OrderAccepted e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.Accepted, e.AcceptedAt, ct);

    public static Task Handle(OrderReady e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.Ready, e.ReadyAt, ct);

    public static async Task Handle(RiderAssigned e, IOrderAnnouncer announcer, ActiveRiders active, CancellationToken ct)
    {
        active.Assign(e.RiderId, e.ZoneId, e.OrderId);
        await announcer.AnnounceAsync(e.OrderId, OrderProgress.RiderAssigned, e.AssignedAt, ct);
    }

    public static Task Handle(RiderArrivedAtMerchant e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.Arrived, e.ArrivedAt, ct);

    public static Task Handle(RiderArrivedAtCustomer e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.AtDoor, e.ArrivedAt, ct);

    public static Task Handle(OrderPickedUp e, IOrderAnnouncer announcer, CancellationToken ct) =>
        announcer.AnnounceAsync(e.OrderId, OrderProgress.PickedUp, e.PickedUpAt, ct);

    public static async Task Handle(OrderDelivered e, IOrderAnnouncer announcer, ActiveRiders active, CancellationToken ct)
    {
        active.Finish(e.OrderId);
        await announcer.AnnounceAsync(e.OrderId, OrderProgress.Delivered, e.DeliveredAt, ct);
    }

    public static async Task Handle(OrderCancelled e, IOrderAnnouncer announcer, ActiveRiders active, CancellationToken ct)
    {
        active.Finish(e.OrderId);
        await announcer.AnnounceAsync(e.OrderId, OrderProgress.Cancelled, e.CancelledAt, ct);
    }
}
