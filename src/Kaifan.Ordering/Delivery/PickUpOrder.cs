using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>POST /api/rider/orders/{id}/pickup: 取餐, only once the merchant marked the order ready.</summary>
internal static class PickUpOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/rider/orders/{id:guid}/pickup", HandleAsync)
            .RequireAuthorization(Roles.Rider)
            .WithTags("Rider orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await RiderOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        var transition = order.PickUp(now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await outbox.PublishAsync(new OrderPickedUp(order.Id, order.RiderId!.Value, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: true));
    }
}
