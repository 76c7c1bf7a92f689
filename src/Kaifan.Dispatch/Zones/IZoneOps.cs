namespace Kaifan.Dispatch.Zones;

/// <summary>
/// The operator's board: pending orders no one holds an offer for, open offers, and who carries what; and whether the
/// zone's top customers weigh more now (bad weather flagged, or the last round had more orders than riders could take).
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record ZoneDispatch(
    [property: Id(0)] IReadOnlyList<JobTicket> Pending,
    [property: Id(1)] IReadOnlyList<OfferTicket> Offers,
    [property: Id(2)] IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> AssignedByRider,
    [property: Id(3)] bool BadWeather = false,
    [property: Id(4)] bool ShortOfRiders = false);

internal enum ReassignAnswer
{
    Done,
    NotFound,
    PickedUp,
    RiderUnavailable,
}

/// <summary>The zone as operators see and steer it; kept apart from the dispatcher's own interface.</summary>
internal interface IZoneOps : IGrainWithGuidKey
{
    Task<ZoneDispatch> Dispatch();

    /// <summary>Takes the order from its offer or rider (not once picked up) and offers it to the named online rider, or to the next round.</summary>
    Task<ReassignAnswer> Reassign(Guid orderId, Guid? riderId);
}
