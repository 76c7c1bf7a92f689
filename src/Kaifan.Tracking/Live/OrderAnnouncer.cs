using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Progress;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>Tells everyone watching an order that it reached a step: the customer's stream and the staff consoles.</summary>
public interface IOrderAnnouncer
{
    Task AnnounceAsync(Guid orderId, string step, DateTimeOffset at, CancellationToken ct);
}

internal sealed class OrderAnnouncer(IOrderTracking orders, IOrderUpdates updates, IHubContext<OpsHub> hub) : IOrderAnnouncer
{
    public async Task AnnounceAsync(Guid orderId, string step, DateTimeOffset at, CancellationToken ct)
    {
        var reached = new ProgressStep(step, OrderProgress.LabelOf(step), at);
        updates.Publish(new OrderUpdate(orderId, reached));

        var order = await orders.GetAsync(orderId, ct);
        if (order is null)
        {
            return;
        }

        var changed = new OrderStatusChanged(order.OrderId, order.MerchantId, order.ZoneId, step, reached.Label, at, OrderProgress.TitleOf(order));
        await hub.Clients.Groups(OpsHub.MerchantGroup(order.MerchantId), OpsHub.Operators).SendAsync("orderStatus", changed, ct);
    }
}
