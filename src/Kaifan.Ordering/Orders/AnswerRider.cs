using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// POST /api/orders/{id}/exception/answer: 我在，马上到 — the customer the rider could not reach answers; the exception
/// closes and the rider's app hears it. 409 (field exception) when the rider is not waiting for them; 404 for others' orders.
/// </summary>
internal static class AnswerRider
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/exception/answer", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var order = await outbox.DbContext.Orders.SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        if (order.AnswerRider(now) is { } refused)
        {
            return Problems.Conflict(refused.Detail, refused.Field);
        }

        await outbox.PublishAsync(new DeliveryExceptionResolved(
            order.Id, order.ZoneId, order.ExceptionRiderId ?? order.RiderId ?? Guid.Empty, order.ExceptionKind!, order.ExceptionResolution!, false, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: false));
    }
}
