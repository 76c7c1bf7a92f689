using Kaifan.Contracts;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// 准时宝, the on-time guarantee: the order is judged against Tracking's promise made at acceptance (DeliveryPromised);
/// delivered after the window's end (promise + 3 min) earns the customer one coupon. Before acceptance nobody knows
/// the kitchen's minutes, so checkout can only show an estimate, labelled as one.
/// </summary>
internal static class Guarantee
{
    public static readonly TimeSpan Window = ServiceTiers.GuaranteeWindow;

    public const long FeeFen = 200;

    public const long CompensationFen = 500;

    public static readonly TimeSpan CouponLifetime = TimeSpan.FromDays(30);

    /// <summary>Straight line × road factor at a campus rider's 15 km/h, as the dispatcher estimates rides.</summary>
    private const double RoadFactor = 1.3;
    private const double SpeedKmh = 15;

    /// <summary>Before the merchant states a prep time: a typical kitchen's, plus the handovers at both ends.</summary>
    public static readonly TimeSpan AssumedPrep = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Handovers = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Checkout's estimate of the arrival, not the promise: that one comes from Tracking once the merchant accepts. A
    /// batch order's ride starts no earlier than its run's departure, as Tracking's promise will.
    /// </summary>
    public static DateTimeOffset Estimate(DateTimeOffset now, GeoPoint merchant, GeoPoint dropOff, DateTimeOffset? batchDeparture = null)
    {
        var rideMinutes = Math.Ceiling(merchant.DistanceMetresTo(dropOff) / 1000 * RoadFactor / SpeedKmh * 60);
        var rideFrom = batchDeparture is { } leaves && leaves > now + AssumedPrep ? leaves : now + AssumedPrep;
        return rideFrom + Handovers + TimeSpan.FromMinutes(rideMinutes);
    }

    public static bool Missed(DateTimeOffset promisedAt, DateTimeOffset deliveredAt) => deliveredAt > promisedAt + Window;

    /// <summary>Counted from the window's end and rounded up, so a miss by seconds still reads as one minute, never zero.</summary>
    public static int MinutesLate(DateTimeOffset promisedAt, DateTimeOffset deliveredAt) =>
        Math.Max(0, (int)Math.Ceiling((deliveredAt - (promisedAt + Window)).TotalMinutes));
}
