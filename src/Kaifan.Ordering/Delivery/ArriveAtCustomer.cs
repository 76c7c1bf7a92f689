using System.Security.Claims;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>
/// POST /api/rider/orders/{id}/arrive-customer: 已到达, the rider is at the customer's door or locker. A repeated tap
/// answers the order as it is and publishes nothing again, so the first arrival time stands.
/// </summary>
internal static class ArriveAtCustomer
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/rider/orders/{id:guid}/arrive-customer", HandleAsync)
            .RequireAuthorization(Roles.Rider)
            .WithTags("Rider orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await RiderOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        if (order?.ArrivedAtCustomerAt is not null)
        {
            return Results.Ok(OrderView.ForRider(order, protector));
        }

        var now = clock.GetUtcNow();
        return await OrderChanges.StepAsync(order, outbox, protector, o => o.ArriveAtCustomer(now), o => new RiderArrivedAtCustomer(o.Id, o.RiderId!.Value, now), ct, o => OrderView.ForRider(o, protector));
    }
}
