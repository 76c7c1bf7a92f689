using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Live;
using Kaifan.Tracking.Progress;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Tracking;

/// <summary>The three points of the order page's map; the rider only while 配送中, as on the stream.</summary>
internal sealed record OrderMapView(Guid OrderId, Guid ZoneId, GeoPoint Merchant, GeoPoint DropOff, RiderPosition? Rider);

/// <summary>GET /api/orders/{id}/map: where the shop, the drop-off and (after pickup) the rider are, for the order's owner only.</summary>
internal static class GetOrderMap
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/orders/{id:guid}/map", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Tracking")
            .Produces<OrderMapView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    // [FromServices]: the queries are other modules' services; named so, a missing one fails the request, not the host's start.
    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderTracking orders, [FromServices] IRiderLocations riders, CancellationToken ct)
    {
        var order = await orders.GetForCustomerAsync(id, user.UserId(), ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        RiderPosition? rider = null;
        if (OrderProgress.ShowsRider(order) && await riders.GetAsync(order.RiderId!.Value, ct) is { } location && OrderProgress.MayShow(order, location))
        {
            rider = new RiderPosition(order.OrderId, location.RiderId, location.Position.Latitude, location.Position.Longitude, location.At);
        }

        return Results.Ok(new OrderMapView(order.OrderId, order.ZoneId, order.MerchantLocation, order.DropOffLocation, rider));
    }
}
