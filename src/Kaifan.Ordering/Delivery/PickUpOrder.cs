using System.Security.Claims;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Staff;
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
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, IAuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var order = await RiderOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        var result = await OrderChanges.StepAsync(
            order, outbox, protector, o => o.PickUp(now), o => new OrderPickedUp(o.Id, o.RiderId!.Value, now), ct, o => OrderView.ForRider(o, protector));
        await RiderDoorAudit.RecordAsync(audit, user, order, result, ct);
        return result;
    }
}
