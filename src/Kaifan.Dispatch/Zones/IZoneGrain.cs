namespace Kaifan.Dispatch.Zones;

[GenerateSerializer, Immutable]
internal sealed record JobTicket(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid MerchantId,
    [property: Id(2)] double MerchantLatitude,
    [property: Id(3)] double MerchantLongitude,
    [property: Id(4)] double DropOffLatitude,
    [property: Id(5)] double DropOffLongitude,
    [property: Id(6)] DateTimeOffset ReadyEstimate,
    [property: Id(7)] bool StairsNoLift,
    [property: Id(8)] DateTimeOffset? PlacedAt = null,
    [property: Id(9)] bool SpecialCare = false,
    [property: Id(10)] Guid? CustomerId = null,
    [property: Id(11)] DateTimeOffset? HoldUntil = null);

[GenerateSerializer, Immutable]
internal sealed record OfferTicket(
    [property: Id(0)] Guid OfferId,
    [property: Id(1)] Guid RiderId,
    [property: Id(2)] IReadOnlyList<JobTicket> Jobs,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] double MinutesToMerchant);

[GenerateSerializer, Immutable]
internal sealed record ZoneBoard(
    [property: Id(0)] int Pending,
    [property: Id(1)] int Offered,
    [property: Id(2)] IReadOnlyDictionary<Guid, int> LoadByRider,
    [property: Id(3)] int OnlineRiders);

internal enum OfferAnswer
{
    Done,
    NotFound,
    Expired,
    Conflict,
}

/// <summary>
/// One per zone: the single place that decides who gets which order, so no order is offered or assigned twice.
/// Pending orders live in dispatch_jobs too and are read back on activation.
/// </summary>
internal interface IZoneGrain : IGrainWithGuidKey
{
    /// <summary>Idempotent: an order already known (pending, assigned or done) is left as it is.</summary>
    Task Enqueue(JobTicket job);

    Task RiderOnline(Guid riderId);

    /// <summary>The operator's bad-weather flag; raises the weight of the zone's top customers' orders.</summary>
    Task SetWeather(bool badWeather);

    Task RiderOffline(Guid riderId);

    /// <summary>Expires stale offers, then makes new ones; returns how many offers it made.</summary>
    Task<int> RunRound();

    Task<IReadOnlyList<OfferTicket>> OffersFor(Guid riderId);

    Task<OfferAnswer> Accept(Guid offerId, Guid riderId);

    Task<OfferAnswer> Decline(Guid offerId, Guid riderId);

    /// <summary>The order left the rider's hands (delivered or cancelled): their capacity frees up.</summary>
    Task Finish(Guid orderId);

    /// <summary>The rider has the food: the rest of their route no longer passes the shop. Repeats change nothing.</summary>
    Task PickedUp(Guid orderId);

    Task<ZoneBoard> Board();

    /// <summary>The silo this zone's one activation lives on, whichever host asks.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<string> Silo();
}
