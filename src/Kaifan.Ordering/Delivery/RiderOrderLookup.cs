using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

internal static class RiderOrderLookup
{
    /// <summary>Only the order's assigned rider finds it; for anyone else it does not exist (404).</summary>
    public static async Task<Order?> FindAsync(OrderingDb db, ClaimsPrincipal user, Guid orderId, CancellationToken ct)
    {
        var riderId = user.RiderId();
        return riderId is null ? null : await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId && o.RiderId == riderId, ct);
    }
}
