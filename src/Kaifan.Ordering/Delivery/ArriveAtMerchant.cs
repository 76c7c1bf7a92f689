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

/// <summary>POST /api/rider/orders/{id}/arrive: 到店, the assigned rider is at the shop.</summary>
internal static class ArriveAtMerchant
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/rider/orders/{id:guid}/arrive", HandleAsync)
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
        var transition = order.ArriveAtMerchant(now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await outbox.PublishAsync(new RiderArrivedAtMerchant(order.Id, order.RiderId!.Value, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: true));
    }
}
