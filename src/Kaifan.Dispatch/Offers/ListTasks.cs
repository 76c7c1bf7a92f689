using System.Security.Claims;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Offers;

/// <summary>SpecialCare marks an order the customer flagged for special care (e.g. pregnant, unwell). Stage is toMerchant (navigate to the shop), atMerchant, or toCustomer (navigate to the customer).</summary>
internal sealed record TaskView(Guid OrderId, Guid MerchantId, PlaceView Pickup, PlaceView DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift, string Stage, DateTimeOffset? AssignedAt, bool SpecialCare);

/// <summary>GET /api/rider/tasks: 进行中, the orders the rider took and has not delivered yet.</summary>
internal static class ListTasks
{
    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/tasks", HandleAsync).Produces<IReadOnlyList<TaskView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, DispatchDb db, CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.RiderId == riderId && j.Status == JobStatus.Assigned)
            .ToListAsync(ct);
        return Results.Ok(jobs
            .OrderBy(j => j.AssignedAt)
            .Select(j => new TaskView(
                j.OrderId,
                j.MerchantId,
                new PlaceView(j.MerchantLatitude, j.MerchantLongitude),
                new PlaceView(j.DropOffLatitude, j.DropOffLongitude),
                j.ReadyEstimate,
                j.StairsNoLift,
                char.ToLowerInvariant(j.Stage.ToString()[0]) + j.Stage.ToString()[1..],
                j.AssignedAt,
                j.SpecialCare))
            .ToList());
    }
}
