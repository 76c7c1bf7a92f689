using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>GET /api/orders: the customer's own orders, newest first (the Orders tab).</summary>
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
        return Results.Ok(orders.Select(OrderSummaryView.From).ToList());
    }
}
