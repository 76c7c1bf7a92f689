using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Eta;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Tracking;

/// <summary>GET /api/orders/{id}/eta: 预计送达 with its basis, for the order's owner only.</summary>
internal static class GetOrderEta
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/orders/{id:guid}/eta", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Tracking")
            .Produces<EtaView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    // [FromServices]: the queries are other modules' services; named so, a missing one fails the request, not the host's start.
    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderTracking orders, [FromServices] IRiderLocations riders, [FromServices] EtaCalculator eta, TimeProvider clock, CancellationToken ct)
    {
        var order = await orders.GetForCustomerAsync(id, user.UserId(), ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var rider = order.RiderId is { } riderId ? await riders.GetAsync(riderId, ct) : null;
        return Results.Ok(await eta.EstimateAsync(order, rider, clock.GetUtcNow(), ct));
    }
}
