using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>GET /api/rider/orders/{id}: only the rider assigned to the order sees it (the door's address while it is theirs to deliver, see OrderView.ForRider); everyone else gets 404.</summary>
internal static class GetRiderOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/rider/orders/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Rider)
            .WithTags("Rider orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, OrderingDb db, IPersonalDataProtector protector, IAuditLog audit, CancellationToken ct)
    {
        var riderId = user.RiderId();
        var order = riderId is null
            ? null
            : await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.RiderId == riderId, ct);
        var result = order is null ? Problems.NotFound("订单") : Results.Ok(OrderView.ForRider(order, protector));
        await RiderDoorAudit.RecordAsync(audit, user, order, result, ct);
        return result;
    }
}
