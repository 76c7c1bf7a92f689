using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// POST /api/orders/{id}/urge: 催单 on a late order, by its customer only (anyone else's is 404). 202 with who hears it
/// and the order's urges; a refusal is 409 naming why (reason) and, when only waiting helps, availableFrom (UTC).
/// </summary>
internal static class UrgeOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/urge", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<OrderUrgeView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var order = await outbox.DbContext.Orders.SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        if (order.Urge(now) is { } refused)
        {
            return Refusal(refused);
        }

        var heardBy = order.LastUrgeHeardBy!;
        await outbox.PublishAsync(new OrderUrged(order.Id, order.MerchantId, heardBy == UrgeAudience.Rider ? order.RiderId : null, heardBy, order.UrgeCount, now));

        // Two urges read before either commits both pass the checks; the Version token lets only one of them count.
        return await OrderChanges.CommitAsync(outbox, ct)
            ?? Results.Json(OrderUrgeView.Of(order, now), statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Refusal(UrgeRefusal refused)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = "urge", ["reason"] = refused.Reason };
        if (refused.AvailableFrom is { } from)
        {
            extensions["availableFrom"] = from.ToUniversalTime();
        }

        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: refused.Detail, extensions: extensions);
    }
}
