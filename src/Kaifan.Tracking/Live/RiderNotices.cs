using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>
/// Tells a rider's open app, on /hubs/ops, that an operator took an order away from them (`orderReassigned`) or
/// offered them one (`offerMade`), so the card goes and the offer shows at once rather than on the app's next poll.
/// </summary>
public interface IRiderNotices
{
    Task SendAsync(OrderReassigned reassigned, CancellationToken ct);
}

internal sealed class RiderNotices(IHubContext<OpsHub> hub) : IRiderNotices
{
    public async Task SendAsync(OrderReassigned reassigned, CancellationToken ct)
    {
        var notice = new RiderOrderNotice(reassigned.OrderId, reassigned.At);
        if (reassigned.FromRiderId is { } from)
        {
            await hub.Clients.Group(OpsHub.RiderGroup(from)).SendAsync("orderReassigned", notice, ct);
        }

        if (reassigned.ToRiderId is { } to)
        {
            await hub.Clients.Group(OpsHub.RiderGroup(to)).SendAsync("offerMade", notice, ct);
        }
    }
}

/// <summary>A repeated event tells the apps again; they drop a card that is already gone and re-read their offers.</summary>
public static class RiderNoticeHandler
{
    public static Task Handle(OrderReassigned reassigned, IRiderNotices riders, CancellationToken ct) => riders.SendAsync(reassigned, ct);
}
