using System.Security.Claims;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Offers;

/// <summary>GET /api/rider/offers: the rider's open offers (新任务); empty while offline.</summary>
internal static class ListOffers
{
    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/offers", HandleAsync).Produces<IReadOnlyList<OfferView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, [FromServices] IOrderDispatchQueries orders, CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var rider = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        if (!rider.Online || rider.ZoneId is not { } zoneId)
        {
            return Results.Ok(Array.Empty<OfferView>());
        }

        var now = clock.GetUtcNow();
        var offers = await grains.GetGrain<IZoneGrain>(zoneId).OffersFor(riderId);
        var service = await orders.GetServiceAsync(offers.SelectMany(o => o.Jobs.Select(j => j.OrderId)).ToList(), ct);
        return Results.Ok(offers.Select(o => OfferView.From(o, now, service)).ToList());
    }
}
