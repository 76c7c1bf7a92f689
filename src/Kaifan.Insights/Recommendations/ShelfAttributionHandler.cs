using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Recommendations;

/// <summary>
/// Every placed order is kept (whose, which shop, when) for affinity and popularity, and converts the latest showing of
/// that shop to that customer within the day before, so the shop's posterior learns. Repeats change nothing: the order
/// is keyed by its id and converts at most one showing.
/// </summary>
public static class ShelfAttributionHandler
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static async Task Handle(OrderPlaced e, InsightsDb db, CancellationToken ct)
    {
        if (!await db.ShopOrders.AnyAsync(o => o.OrderId == e.OrderId, ct))
        {
            db.ShopOrders.Add(new ShopOrder { OrderId = e.OrderId, CustomerId = e.CustomerId, MerchantId = e.MerchantId, PlacedAt = e.PlacedAt });
        }

        if (!await db.ShopImpressions.AnyAsync(i => i.ConvertedOrderId == e.OrderId, ct))
        {
            var since = e.PlacedAt - Window;
            var shown = await db.ShopImpressions
                .Where(i => i.CustomerId == e.CustomerId && i.MerchantId == e.MerchantId && i.ConvertedOrderId == null && i.ShownAt >= since && i.ShownAt <= e.PlacedAt)
                .OrderByDescending(i => i.ShownAt).FirstOrDefaultAsync(ct);
            shown?.ConvertedOrderId = e.OrderId;
        }

        // Two deliveries of one event at once: the loser's insert fails on the key and its retry finds the order recorded.
        await db.SaveChangesAsync(ct);
    }
}
