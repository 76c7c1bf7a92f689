using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Tracking;

/// <summary>
/// GET /api/orders/{id}/events: the order page's live feed (text/event-stream), for its owner only.
/// Events: `snapshot` on (re)connect, `status` per step (id = the step), `eta` after each step,
/// `position` while 配送中, `end` once delivered or cancelled. A reconnect (with or without Last-Event-ID)
/// starts again from a fresh snapshot, which carries every step so far.
/// </summary>
internal static class StreamOrderEvents
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/orders/{id:guid}/events", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Tracking")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

    // [FromServices]: the queries are other modules' services; named so, a missing one fails the request, not the host's start.
    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderTracking orders, [FromServices] IOrderUpdates updates, [FromServices] OrderStream stream, HttpContext http, CancellationToken ct)
    {
        // Subscribe before reading, so a step taken in between reaches the stream rather than falling in the gap.
        var subscription = updates.Subscribe(id);
        var order = await orders.GetForCustomerAsync(id, user.UserId(), ct);
        if (order is null)
        {
            subscription.Dispose();
            return Problems.NotFound("订单");
        }

        // Proxies must not hold the stream back in a buffer.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(stream.RunAsync(order, subscription, ct));
    }
}
