namespace Kaifan.Contracts;

/// <summary>
/// How long an order placed now should take, before any merchant has accepted it: the kitchen's usual minutes at this
/// hour, both handovers, and the ride at a campus rider's pace. The shop cards and checkout's 预计送达 share it, so the
/// minutes a card shows are the minutes checkout then quotes; Tracking's promise at acceptance replaces it.
/// </summary>
public static class DeliveryEstimate
{
    /// <summary>A typical kitchen's, for a shop whose own history is too short to say.</summary>
    public static readonly TimeSpan AssumedPrep = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan Handovers = TimeSpan.FromMinutes(4);

    /// <summary>Straight line × road factor at a campus rider's 15 km/h, as the dispatcher estimates rides.</summary>
    private const double RoadFactor = 1.3;
    private const double SpeedKmh = 15;

    public static TimeSpan Ride(GeoPoint from, GeoPoint to) =>
        TimeSpan.FromMinutes(Math.Ceiling(from.DistanceMetresTo(to) / 1000 * RoadFactor / SpeedKmh * 60));

    /// <summary>From the kitchen done (or a batch run's departure, when later) to the food handed over at the door.</summary>
    public static DateTimeOffset Arrival(DateTimeOffset now, TimeSpan prep, GeoPoint merchant, GeoPoint dropOff, DateTimeOffset? rideNoEarlierThan = null)
    {
        var rideFrom = rideNoEarlierThan is { } leaves && leaves > now + prep ? leaves : now + prep;
        return rideFrom + Handovers + Ride(merchant, dropOff);
    }

    /// <summary>The whole minutes a shop card shows.</summary>
    public static int Minutes(TimeSpan prep, GeoPoint merchant, GeoPoint dropOff) =>
        (int)Math.Ceiling((prep + Handovers + Ride(merchant, dropOff)).TotalMinutes);
}
