using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Dispatch.Offers;

internal sealed record PlaceView(double Latitude, double Longitude);

/// <summary>
/// An offered order as a rider may see it before taking it: the shop, and only how far the door is from it — the
/// customer's exact position is shown once the rider has accepted (the task), not to every rider who is offered it.
/// ServiceTier is one of <see cref="ServiceTiers"/>'s names; PromisedAt is 准时宝's promised arrival once known.
/// </summary>
internal sealed record OfferedOrderView(
    Guid OrderId, Guid MerchantId, PlaceView Pickup, double KilometresToDoor, DateTimeOffset ReadyEstimate, bool StairsNoLift, bool SpecialCare,
    string ServiceTier = ServiceTiers.Standard, DateTimeOffset? PromisedAt = null);

/// <summary>A 新任务 card: what to fetch where, how far the shop is, and the countdown (expiresAt).</summary>
internal sealed record OfferView(Guid OfferId, DateTimeOffset ExpiresAt, int SecondsLeft, double MinutesToMerchant, IReadOnlyList<OfferedOrderView> Orders)
{
    public static OfferView From(OfferTicket offer, DateTimeOffset now, IReadOnlyDictionary<Guid, OrderServiceInfo> service) => new(
        offer.OfferId,
        offer.ExpiresAt,
        (int)Math.Max(0, Math.Ceiling((offer.ExpiresAt - now).TotalSeconds)),
        Math.Round(offer.MinutesToMerchant, 1),
        offer.Jobs.Select(j => new OfferedOrderView(
            j.OrderId,
            j.MerchantId,
            new PlaceView(j.MerchantLatitude, j.MerchantLongitude),
            Math.Round(new GeoPoint(j.MerchantLatitude, j.MerchantLongitude).DistanceMetresTo(new(j.DropOffLatitude, j.DropOffLongitude)) / 1000, 1),
            j.ReadyEstimate,
            j.StairsNoLift,
            j.SpecialCare,
            service.GetValueOrDefault(j.OrderId)?.ServiceTier ?? ServiceTiers.Standard,
            service.GetValueOrDefault(j.OrderId)?.PromisedAt)).ToList());
}
