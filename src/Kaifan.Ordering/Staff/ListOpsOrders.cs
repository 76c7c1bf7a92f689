using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>GET /api/ops/orders?status=: the latest orders of every merchant for the operator, personal data masked.</summary>
internal static class ListOpsOrders
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/orders", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops orders")
            .Produces<List<OrderView>>();

    private static async Task<IResult> HandleAsync(string? status, OrderingDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        if (!OrderStatusFilter.TryParse(status, out var wanted))
        {
            return OrderStatusFilter.Problem();
        }

        var query = db.Orders.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        var orders = await query.OrderByDescending(o => o.PlacedAt).Take(200).ToListAsync(ct);
        return Results.Ok(orders.Select(o => OrderView.From(o, protector, masked: true)).ToList());
    }
}
