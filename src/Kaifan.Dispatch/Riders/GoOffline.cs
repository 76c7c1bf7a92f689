using System.Security.Claims;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Riders;

/// <summary>POST /api/rider/offline: 下线; open offers go back to the zone, orders already taken stay the rider's.</summary>
internal static class GoOffline
{
    public static void Map(RouteGroupBuilder rider) =>
        rider.MapPost("/offline", HandleAsync).Produces<RiderStatusView>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, IGrainFactory grains, PositionBuffer buffer)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        await TakeOfflineAsync(riderId, grains, buffer);
        return Results.Ok(new RiderStatusView(false, null, null, null, null));
    }

    /// <summary>Also when the rider withdraws location consent (LocationConsentWithdrawn).</summary>
    internal static async Task TakeOfflineAsync(Guid riderId, IGrainFactory grains, PositionBuffer buffer)
    {
        buffer.Forget(riderId);
        var zone = await grains.GetGrain<IRiderGrain>(riderId).GoOffline();

        // Again after the grain answered, in case a ping re-marked the rider online meanwhile.
        buffer.Forget(riderId);
        if (zone is { } zoneId)
        {
            await grains.GetGrain<IZoneGrain>(zoneId).RiderOffline(riderId);
        }
    }
}
