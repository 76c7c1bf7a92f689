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

/// <summary>
/// One order on the dispatch board; Late once its food has waited past <see cref="GetZoneDispatch.LateAfter"/> unpicked
/// (a held batch order's wait starts at its departure). ServiceTier is one of <see cref="ServiceTiers"/>'s names;
/// DepartsAt is the line's departure a batch order is still held for; PromisedAt is 准时宝's promise once known.
/// </summary>
internal sealed record BoardOrder(
    Guid OrderId, Guid MerchantId, BoardPlace Pickup, BoardPlace DropOff, DateTimeOffset ReadyEstimate, bool Late,
    Guid? RiderId, Guid? OfferId, DateTimeOffset? OfferExpiresAt, int? OfferSecondsLeft, string? Stage, DateTimeOffset? AssignedAt,
    string ServiceTier = ServiceTiers.Standard, bool SpecialCare = false, bool Locker = false, DateTimeOffset? DepartsAt = null, DateTimeOffset? PromisedAt = null);

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
    /// <summary>Food ready this long (a held batch order: this long after its departure) and still not picked up counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/zones/{zoneId:guid}/dispatch", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops dispatch")
            .Produces<ZoneDispatchView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid zoneId, DispatchDb db, [FromServices] ICatalogQueries catalog, IGrainFactory grains, TimeProvider clock,
        [FromServices] IOrderDispatchQueries orders, CancellationToken ct)
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
            .ThenBy(j => j.RouteStop)
            .Select(j => new BoardOrder(
                j.OrderId, j.MerchantId, new(j.MerchantLatitude, j.MerchantLongitude), new(j.DropOffLatitude, j.DropOffLongitude), j.ReadyEstimate,
                j.Stage != JobStage.ToCustomer && IsLate(j.ReadyEstimate, j.HoldUntil, now), j.RiderId, null, null, null, Stage(j.Stage), j.AssignedAt,
                SpecialCare: j.SpecialCare, DepartsAt: Held(j.HoldUntil, now)))
            .ToList();

        // Ordering owns the tier, the locker and 准时宝's promise; one read marks every card.
        var service = await orders.GetServiceAsync(pending.Concat(offered).Concat(assigned).Select(o => o.OrderId).Distinct().ToList(), ct);
        BoardOrder Marked(BoardOrder o) => service.TryGetValue(o.OrderId, out var s)
            ? o with { ServiceTier = s.ServiceTier, Locker = s.Locker, PromisedAt = s.PromisedAt }
            : o;
        pending = pending.Select(Marked).ToList();
        offered = offered.Select(Marked).ToList();
        assigned = assigned.Select(Marked).ToList();
        var late = pending.Concat(offered).Concat(assigned).Where(o => o.Late).ToList();
        return Results.Ok(new ZoneDispatchView(zoneId, pending, offered, assigned, late, board.BadWeather, board.ShortOfRiders));
    }

    private static BoardOrder Row(JobTicket t, DateTimeOffset now) => new(
        t.OrderId, t.MerchantId, new(t.MerchantLatitude, t.MerchantLongitude), new(t.DropOffLatitude, t.DropOffLongitude), t.ReadyEstimate,
        IsLate(t.ReadyEstimate, t.HoldUntil, now), null, null, null, null, null, null, SpecialCare: t.SpecialCare, DepartsAt: Held(t.HoldUntil, now));

    /// <summary>A batch order cannot leave before its line does: waiting for the departure is not lateness.</summary>
    private static bool IsLate(DateTimeOffset readyEstimate, DateTimeOffset? holdUntil, DateTimeOffset now) =>
        now - (holdUntil is { } departs && departs > readyEstimate ? departs : readyEstimate) > LateAfter;

    private static DateTimeOffset? Held(DateTimeOffset? holdUntil, DateTimeOffset now) => holdUntil > now ? holdUntil : null;

    private static string Stage(JobStage stage) => stage switch
    {
        JobStage.ToMerchant => "toMerchant",
        JobStage.AtMerchant => "atMerchant",
        JobStage.ToCustomer => "toCustomer",
        _ => "done",
    };
}
