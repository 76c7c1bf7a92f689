using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Ops;

/// <summary>
/// POST /api/ops/orders/{orderId}/reassign, operators only: takes the order from its offer or rider and offers it to
/// the named online rider of its zone, or (no body) puts it back to 待分配 for anyone but the rider who had it.
/// 404 for an unknown order; 409 before dispatch has it, once picked up, or when the named rider cannot take it (offline,
/// no stairs for a stairs-no-lift address, capacity full, out of battery range, or a batch order still held for its departure).
/// </summary>
internal static class ReassignOrder
{
    internal sealed record Request(Guid? RiderId);

    internal sealed record Response(Guid OrderId, string Column, Guid? RiderId, DateTimeOffset? OfferExpiresAt);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/orders/{orderId:guid}/reassign", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops dispatch")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid orderId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Request? request,
        DispatchDb db,
        IGrainFactory grains,
        [FromServices] IOrderDispatchQueries orders,
        CancellationToken ct)
    {
        // Ordering records a pickup at once and tells dispatch a moment later: ask the order itself first.
        var order = await orders.GetForDispatchAsync(orderId, ct);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == orderId, ct);
        if (order is null && job is null)
        {
            return Problems.NotFound("订单");
        }

        if (order?.Status is "PickedUp" or "Delivered" or "Cancelled" || job?.Status is JobStatus.Delivered or JobStatus.Cancelled || job?.Stage is JobStage.ToCustomer or JobStage.Done)
        {
            return PickedUp();
        }

        if (job is null)
        {
            return Problems.Conflict("订单尚未进入派单 (the order is not waiting for a rider yet)", "status");
        }

        var riderId = request?.RiderId;
        var zone = grains.GetGrain<IZoneOps>(job.ZoneId);
        return await zone.Reassign(orderId, riderId) switch
        {
            ReassignAnswer.Done => Results.Ok(await AnswerAsync(zone, orderId, riderId)),
            ReassignAnswer.PickedUp => PickedUp(),
            ReassignAnswer.RiderUnavailable => Problems.Conflict("该骑手不在线、不在本区域或已在配送此单 (the rider is offline, elsewhere or already has it)", "riderId"),
            ReassignAnswer.RiderAvoidsStairs => Problems.Conflict("该骑手不接爬楼单，此单送达地址无电梯 (the rider does not take stairs and this address has no lift)", "riderId"),
            ReassignAnswer.RiderFull => Problems.Conflict("该骑手载单已满 (the rider already carries as many orders as they can)", "riderId"),
            ReassignAnswer.RiderOutOfRange => Problems.Conflict("该骑手电量续航不足以送达此单 (the trip is beyond the rider's battery range)", "riderId"),
            ReassignAnswer.HeldForDeparture => Problems.Conflict(
                $"校园批次订单{job.HoldUntil?.ToOffset(ChinaTime.Offset):HH:mm}发车，发车前{DispatchOptions.BatchLead.TotalMinutes:0}分钟起才派给骑手 (a batch run is offered shortly before its line leaves)", "riderId"),
            _ => Problems.NotFound("订单"),
        };
    }

    private static IResult PickedUp() => Problems.Conflict("骑手已取餐，不能改派 (picked up orders cannot be reassigned)", "status");

    private static async Task<Response> AnswerAsync(IZoneOps zone, Guid orderId, Guid? riderId)
    {
        var board = await zone.Dispatch();
        var offer = board.Offers.FirstOrDefault(o => o.Jobs.Any(j => j.OrderId == orderId) && (riderId is null || o.RiderId == riderId));
        return offer is null
            ? new Response(orderId, "pending", null, null)
            : new Response(orderId, "offered", offer.RiderId, offer.ExpiresAt);
    }
}
