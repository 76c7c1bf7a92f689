using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Offers;

internal sealed record OfferAnswerView(Guid OfferId, string Answer);

/// <summary>
/// POST /api/rider/offers/{offerId}/accept and …/decline. The zone grain decides, one answer at a time, so an
/// order is never given twice. An offer past its 30 s is 409; someone else's or an unknown offer is 404.
/// </summary>
internal static class AnswerOffer
{
    public static void Map(RouteGroupBuilder rider)
    {
        rider.MapPost("/offers/{offerId:guid}/accept", (Guid offerId, ClaimsPrincipal user, IGrainFactory grains) =>
            AnswerAsync(offerId, user, grains, accept: true)).Produces<OfferAnswerView>();
        rider.MapPost("/offers/{offerId:guid}/decline", (Guid offerId, ClaimsPrincipal user, IGrainFactory grains) =>
            AnswerAsync(offerId, user, grains, accept: false)).Produces<OfferAnswerView>();
    }

    private static async Task<IResult> AnswerAsync(Guid offerId, ClaimsPrincipal user, IGrainFactory grains, bool accept)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var rider = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        if (!rider.Online || rider.ZoneId is not { } zoneId)
        {
            return Problems.NotFound("派单 (offer)");
        }

        var zone = grains.GetGrain<IZoneGrain>(zoneId);
        var answer = accept ? await zone.Accept(offerId, riderId) : await zone.Decline(offerId, riderId);
        return answer switch
        {
            OfferAnswer.Done => Results.Ok(new OfferAnswerView(offerId, accept ? "accepted" : "declined")),
            OfferAnswer.Expired => Problems.Conflict("派单已超时 (the offer has expired)", "offerId"),
            OfferAnswer.Conflict => Problems.Conflict("订单已被指派 (the order was already assigned)", "offerId"),
            _ => Problems.NotFound("派单 (offer)"),
        };
    }
}
