using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>
/// GET /api/ops/orders?status=&amp;limit=200: the latest orders of every merchant for the operator, newest first, personal
/// data masked; the Kaifan-More header says whether older ones match.
/// </summary>
internal static class ListOpsOrders
{
    public const int DefaultLimit = 200;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/orders", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops orders")
            .Produces<List<OrderView>>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? status, int? limit, HttpResponse response, OrderingDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        if (!OrderStatusFilter.TryParse(status, out var wanted))
        {
            return OrderStatusFilter.Problem();
        }

        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var query = db.Orders.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        var (orders, more) = await query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        response.AnswerMore(more);
        return Results.Ok(orders.Select(o => OrderView.From(o, protector, masked: true)).ToList());
    }
}
