using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>GET /api/orders: the customer's own orders, newest first (the Orders tab), each saying 退款中 / 已退款 when a refund request is under way or paid.</summary>
internal static class GetMyOrders
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/orders", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<List<OrderSummaryView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, OrderingDb db, CancellationToken ct)
    {
        var customerId = user.UserId();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.PlacedAt)
            .Take(100)
            .ToListAsync(ct);
        var refunds = await Refunds.OrderRefunds.LatestAsync(db, orders.Select(o => o.Id).ToList(), ct);
        return Results.Ok(orders.Select(o => OrderSummaryView.From(o) with { RefundStatus = Refunds.OrderRefunds.ListStatus(refunds.GetValueOrDefault(o.Id)) }).ToList());
    }
}
