using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Riders;

/// <summary>GET /api/rider/status: whether the rider is online, where, in which zone and until when (下班时间), so the app survives a reload.</summary>
internal static class GetRiderStatus
{
    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/status", HandleAsync).Produces<RiderStatusView>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var now = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        return Results.Ok(now.Online
            ? new RiderStatusView(true, now.ZoneId, now.Latitude, now.Longitude, now.At, now.ShiftEndsAt)
            : new RiderStatusView(false, null, null, null, null));
    }
}
