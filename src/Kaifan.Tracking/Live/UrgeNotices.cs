using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>
/// 催单 on /hubs/ops (`orderUrged`, <see cref="UrgeNotice"/>): to the shop's consoles while it holds the food, or to
/// the rider who carries it; and to the shop again once a console handled it, so every open board stops ringing.
/// </summary>
public interface IUrgeNotices
{
    Task SendAsync(OrderUrged urged, CancellationToken ct);

    Task SendAsync(OrderUrgeHandled handled, CancellationToken ct);
}

internal sealed class UrgeNotices(IHubContext<OpsHub> hub) : IUrgeNotices
{
    public Task SendAsync(OrderUrged urged, CancellationToken ct)
    {
        var notice = new UrgeNotice(urged.OrderId, urged.HeardBy, urged.Count, urged.UrgedAt);
        return urged.HeardBy == UrgeAudience.Rider
            ? urged.RiderId is { } rider ? hub.Clients.Group(OpsHub.RiderGroup(rider)).SendAsync("orderUrged", notice, ct) : Task.CompletedTask
            : hub.Clients.Group(OpsHub.MerchantGroup(urged.MerchantId)).SendAsync("orderUrged", notice, ct);
    }

    public Task SendAsync(OrderUrgeHandled handled, CancellationToken ct) =>
        hub.Clients.Group(OpsHub.MerchantGroup(handled.MerchantId)).SendAsync("orderUrged", new UrgeNotice(handled.OrderId, "handled", 0, handled.HandledAt), ct);
}

/// <summary>What the board or the rider app hears of a 催单; either re-reads the order, so a repeat does no harm.</summary>
public sealed record UrgeNotice(Guid OrderId, string HeardBy, int Count, DateTimeOffset At);

public static class UrgeNoticeHandler
{
    public static Task Handle(OrderUrged urged, IUrgeNotices notices, CancellationToken ct) => notices.SendAsync(urged, ct);

    public static Task Handle(OrderUrgeHandled handled, IUrgeNotices notices, CancellationToken ct) => notices.SendAsync(handled, ct);
}
