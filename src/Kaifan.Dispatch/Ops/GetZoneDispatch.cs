using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Ops;

internal sealed record BoardPlace(double Latitude, double Longitude);

/// <summary>One order on the dispatch board; Late once its food has waited past <see cref="GetZoneDispatch.LateAfter"/> unpicked.</summary>
internal sealed record BoardOrder(
    Guid OrderId, Guid MerchantId, BoardPlace Pickup, BoardPlace DropOff, DateTimeOffset ReadyEstimate, bool Late,
    Guid? RiderId, Guid? OfferId, DateTimeOffset? OfferExpiresAt, int? OfferSecondsLeft, string? Stage, DateTimeOffset? AssignedAt);

/// <summary>
/// 待分配 / 已派单待接 / 配送中, and 超时 across them (an order there also stays in its own column); BadWeather as the operator
/// flagged it, ShortOfRiders as the last dispatch round found it — either makes top customers' orders weigh more.
/// </summary>
internal sealed record ZoneDispatchView(
    Guid ZoneId, IReadOnlyList<BoardOrder> Pending, IReadOnlyList<BoardOrder> Offered, IReadOnlyList<BoardOrder> Assigned, IReadOnlyList<BoardOrder> Late,
    bool BadWeather, bool ShortOfRiders);

/// <summary>GET /api/ops/zones/{zoneId}/dispatch: the zone's dispatch board for operators.</summary>
internal static class GetZoneDispatch
{
    /// <summary>Food ready this long and still not picked up counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/zones/{zoneId:guid}/dispatch", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops dispatch")
            .Produces<ZoneDispatchView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid zoneId, DispatchDb db, [FromServices] ICatalogQueries catalog, IGrainFactory grains, TimeProvider clock, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(zoneId, ct) is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var now = clock.GetUtcNow();
        var board = await grains.GetGrain<IZoneOps>(zoneId).Dispatch();
        var pending = board.Pending.Select(t => Row(t, now)).ToList();
        var offered = board.Offers
            .SelectMany(o => o.Jobs.Select(t => Row(t, now) with
            {
                RiderId = o.RiderId, OfferId = o.OfferId, OfferExpiresAt = o.ExpiresAt, OfferSecondsLeft = Math.Max(0, (int)Math.Ceiling((o.ExpiresAt - now).TotalSeconds)),
            }))
            .ToList();

        // The grain knows who carries what; the jobs table knows how far each delivery has got.
        var carried = board.AssignedByRider.SelectMany(a => a.Value).ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => carried.Contains(j.OrderId) && j.Status == JobStatus.Assigned).ToListAsync(ct);
        var assigned = jobs
            .OrderBy(j => j.AssignedAt)
            .Select(j => new BoardOrder(
                j.OrderId, j.MerchantId, new(j.MerchantLatitude, j.MerchantLongitude), new(j.DropOffLatitude, j.DropOffLongitude), j.ReadyEstimate,
                j.Stage != JobStage.ToCustomer && IsLate(j.ReadyEstimate, now), j.RiderId, null, null, null, Stage(j.Stage), j.AssignedAt))
            .ToList();
        var late = pending.Concat(offered).Concat(assigned).Where(o => o.Late).ToList();
        return Results.Ok(new ZoneDispatchView(zoneId, pending, offered, assigned, late, board.BadWeather, board.ShortOfRiders));
    }

    private static BoardOrder Row(JobTicket t, DateTimeOffset now) => new(
        t.OrderId, t.MerchantId, new(t.MerchantLatitude, t.MerchantLongitude), new(t.DropOffLatitude, t.DropOffLongitude), t.ReadyEstimate,
        IsLate(t.ReadyEstimate, now), null, null, null, null, null, null);

    private static bool IsLate(DateTimeOffset readyEstimate, DateTimeOffset now) => now - readyEstimate > LateAfter;

    private static string Stage(JobStage stage) => stage switch
    {
        JobStage.ToMerchant => "toMerchant",
        JobStage.AtMerchant => "atMerchant",
        JobStage.ToCustomer => "toCustomer",
        _ => "done",
    };
}
