using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Merchant;

internal static class MerchantOrderLookup
{
    /// <summary>Another merchant's order, or an unpaid one the merchant never saw, is simply not there.</summary>
    public static Task<Order?> FindAsync(OrderingDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var merchantId = user.MerchantId();
        return db.Orders.SingleOrDefaultAsync(o => o.Id == id && o.MerchantId == merchantId && o.Status != OrderStatus.AwaitingPayment && (o.GroupBuyId == null || o.GroupFormedAt != null) && (o.PresaleId == null || o.PresaleReleasedAt != null), ct);
    }
}
