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

    /// <summary>The order's address has stairs and no lift; the rider does not take stairs.</summary>
    RiderAvoidsStairs,

    /// <summary>The rider already carries (or holds offers of) as many orders as they can.</summary>
    RiderFull,

    /// <summary>To the shop and on to the door is beyond the rider's battery range.</summary>
    RiderOutOfRange,

    /// <summary>A batch order waits for its line's departure; it leaves with the line, not alone.</summary>
    HeldForDeparture,
}

/// <summary>The zone as operators see and steer it; kept apart from the dispatcher's own interface.</summary>
internal interface IZoneOps : IGrainWithGuidKey
{
    Task<ZoneDispatch> Dispatch();

    /// <summary>
    /// Takes the order from its offer or rider (not once picked up) and offers it to the named online rider, or to the
    /// next round. The named rider must be able to take it as the dispatcher would (stairs, capacity, range), and a
    /// batch order still held for its departure is not offered to anyone.
    /// </summary>
    Task<ReassignAnswer> Reassign(Guid orderId, Guid? riderId);
}
