using System.Security.Claims;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Offers;

/// <summary>
/// SpecialCare marks an order the customer flagged for special care (e.g. pregnant, unwell). Stage is toMerchant (navigate
/// to the shop), atMerchant, or toCustomer (navigate to the customer). ServiceTier is one of <see cref="ServiceTiers"/>'s
/// names; PromisedAt is 准时宝's promised arrival once known.
/// </summary>
internal sealed record TaskView(
    Guid OrderId, Guid MerchantId, PlaceView Pickup, PlaceView DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift, string Stage, DateTimeOffset? AssignedAt, bool SpecialCare,
    string ServiceTier = ServiceTiers.Standard, DateTimeOffset? PromisedAt = null);

/// <summary>GET /api/rider/tasks: 进行中, the orders the rider took and has not delivered yet.</summary>
internal static class ListTasks
{
    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/tasks", HandleAsync).Produces<IReadOnlyList<TaskView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, DispatchDb db, [FromServices] IOrderDispatchQueries orders, CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.RiderId == riderId && j.Status == JobStatus.Assigned)
            .ToListAsync(ct);
        var service = await orders.GetServiceAsync(jobs.Select(j => j.OrderId).ToList(), ct);
        return Results.Ok(jobs
            .OrderBy(j => j.AssignedAt)
            .ThenBy(j => j.RouteStop)
            .Select(j => new TaskView(
                j.OrderId,
                j.MerchantId,
                new PlaceView(j.MerchantLatitude, j.MerchantLongitude),
                new PlaceView(j.DropOffLatitude, j.DropOffLongitude),
                j.ReadyEstimate,
                j.StairsNoLift,
                char.ToLowerInvariant(j.Stage.ToString()[0]) + j.Stage.ToString()[1..],
                j.AssignedAt,
                j.SpecialCare,
                service.GetValueOrDefault(j.OrderId)?.ServiceTier ?? ServiceTiers.Standard,
                service.GetValueOrDefault(j.OrderId)?.PromisedAt))
            .ToList());
    }
}
