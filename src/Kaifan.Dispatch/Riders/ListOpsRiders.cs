using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// One row of the operator's riders table; no personal data here (the phone lives in Identity, masked there). Silent:
/// online but no position for longer than dispatch waits (<see cref="DispatchOptions.IsSilent"/>), so offered nothing.
/// Stalled: reporting, but standing still with food on board away from every stop of the route
/// (<see cref="DispatchOptions.IsStalled"/>), so offered nothing either; StillSince says since when, only then. Silent
/// wins: a silent rider's position is old news. ShiftEndsAt is the 下班时间 given when going online (null: none, or
/// offline); DeliveredToday counts the orders assigned since Shanghai midnight and delivered, the dispatch board's
/// progress next to Load. ErasedAt: the rider erased their account (注销), so the row holds nothing else.
/// </summary>
internal sealed record OpsRiderView(
    Guid RiderId, Guid HomeZoneId, string VehicleType, int Capacity, double BatteryRangeKm, bool AcceptsStairs, bool Online, Guid? ZoneId, double? Latitude, double? Longitude,
    DateTimeOffset? SeenAt, int Load, bool Silent = false, bool Stalled = false, DateTimeOffset? StillSince = null, double? Rating = null, int RatingCount = 0,
    DateTimeOffset? ShiftEndsAt = null, int DeliveredToday = 0, DateTimeOffset? ErasedAt = null);

/// <summary>
/// GET /api/ops/riders?limit=500: the riders (in id order) with capabilities, online state, zone, last position (from the
/// grain), open task count and customers' 配送 stars (mean and count), shift end and deliveries today; the Kaifan-More
/// header says whether more riders exist.
/// </summary>
internal static class ListOpsRiders
{
    public const int DefaultLimit = 500;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/riders", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops riders")
            .Produces<List<OpsRiderView>>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        int? limit, HttpResponse response, DispatchDb db, IGrainFactory grains, DispatchOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var (riders, more) = await db.Riders.AsNoTracking().OrderBy(r => r.RiderId).TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        response.AnswerMore(more);
        var loads = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Assigned && j.RiderId != null)
            .GroupBy(j => j.RiderId)
            .Select(g => new { RiderId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var midnight = ChinaTime.StartOfDay(now);
        var delivered = (await db.RiderEarnings.AsNoTracking()
                .Where(e => e.DeliveredAt >= midnight)
                .GroupBy(e => e.RiderId)
                .Select(g => new { RiderId = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(d => d.RiderId, d => d.Count);
        var routes = (await db.Jobs.AsNoTracking()
                .Where(j => j.Status == JobStatus.Assigned && j.RiderId != null)
                .Select(j => new { j.OrderId, j.RiderId, j.Stage, j.DropOffLatitude, j.DropOffLongitude, j.MerchantLatitude, j.MerchantLongitude })
                .ToListAsync(ct))
            .ToLookup(j => j.RiderId!.Value);
        var rows = new List<OpsRiderView>(riders.Count);
        foreach (var r in riders)
        {
            var load = loads.FirstOrDefault(l => l.RiderId == r.RiderId)?.Count ?? 0;
            if (r.ErasedAt is not null)
            {
                rows.Add(new OpsRiderView(r.RiderId, r.HomeZoneId, r.VehicleType, r.Capacity, r.BatteryRangeKm, r.AcceptsStairs, false, null, null, null, null, load,
                    ErasedAt: r.ErasedAt));
                continue;
            }

            var live = await grains.GetGrain<IRiderGrain>(r.RiderId).Snapshot();
            if (!live.Online)
            {
                rows.Add(new OpsRiderView(r.RiderId, r.HomeZoneId, r.VehicleType, r.Capacity, r.BatteryRangeKm, r.AcceptsStairs, false, null, null, null, null, load,
                    Rating: r.Rating, RatingCount: r.RatingCount, DeliveredToday: delivered.GetValueOrDefault(r.RiderId)));
                continue;
            }

            var silent = options.IsSilent(live.At, now);
            var route = routes[r.RiderId].ToList();
            var stalled = !silent && live.StillSince is { } since && options.IsStalled(
                since,
                new GeoPoint(live.Latitude, live.Longitude),
                route.Any(j => j.Stage == JobStage.ToCustomer),
                route.Select(j => j.Stage == JobStage.ToCustomer
                    ? new GeoPoint(j.DropOffLatitude, j.DropOffLongitude)
                    : new GeoPoint(j.MerchantLatitude, j.MerchantLongitude)).Concat(live.DoorsOf(route.Select(j => j.OrderId))),
                now);
            rows.Add(new OpsRiderView(r.RiderId, r.HomeZoneId, r.VehicleType, r.Capacity, r.BatteryRangeKm, r.AcceptsStairs, true, live.ZoneId, live.Latitude, live.Longitude, live.At, load,
                silent, stalled, stalled ? live.StillSince : null, r.Rating, r.RatingCount, live.ShiftEndsAt, delivered.GetValueOrDefault(r.RiderId)));
        }

        return Results.Ok(rows);
    }
}
