using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>
/// 配送异常 on /hubs/ops (`deliveryException`, <see cref="DeliveryExceptionNotice"/>): to the operators when one is
/// reported, overdue (10 minutes open) or resolved; to the reporting rider when resolved, so the card shows the outcome.
/// </summary>
public interface IDeliveryExceptionNotices
{
    Task SendAsync(DeliveryExceptionNotice notice, Guid? riderId, CancellationToken ct);
}

internal sealed class DeliveryExceptionNotices(IHubContext<OpsHub> hub) : IDeliveryExceptionNotices
{
    public async Task SendAsync(DeliveryExceptionNotice notice, Guid? riderId, CancellationToken ct)
    {
        await hub.Clients.Group(OpsHub.Operators).SendAsync("deliveryException", notice, ct);
        if (riderId is { } rider && rider != Guid.Empty)
        {
            await hub.Clients.Group(OpsHub.RiderGroup(rider)).SendAsync("deliveryException", notice, ct);
        }
    }
}

/// <summary>What the consoles hear: State is reported, overdue or resolved (then Resolution says how). Either side re-reads.</summary>
public sealed record DeliveryExceptionNotice(Guid OrderId, Guid ZoneId, string Kind, string State, string? Resolution, DateTimeOffset At);

public static class DeliveryExceptionNoticeHandler
{
    public static Task Handle(DeliveryExceptionReported e, IDeliveryExceptionNotices notices, CancellationToken ct) =>
        notices.SendAsync(new(e.OrderId, e.ZoneId, e.Kind, "reported", null, e.ReportedAt), null, ct);

    public static Task Handle(DeliveryExceptionOverdue e, IDeliveryExceptionNotices notices, CancellationToken ct) =>
        notices.SendAsync(new(e.OrderId, e.ZoneId, e.Kind, "overdue", null, e.At), null, ct);

    public static Task Handle(DeliveryExceptionResolved e, IDeliveryExceptionNotices notices, CancellationToken ct) =>
        notices.SendAsync(new(e.OrderId, e.ZoneId, e.Kind, "resolved", e.Resolution, e.At), e.RiderId, ct);
}
