using Kaifan.Contracts;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// 准时宝, the on-time guarantee: at acceptance the order is promised prep + ride + a margin for the rider to reach
/// the shop and hand over; delivered after the window's end (promise + 3 min) earns the customer a coupon.
/// </summary>
internal static class Guarantee
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(3);

    public const long FeeFen = 200;

    public const long CompensationFen = 500;

    public static readonly TimeSpan CouponLifetime = TimeSpan.FromDays(30);

    /// <summary>Straight line × road factor at a campus rider's 15 km/h, as the dispatcher estimates rides.</summary>
    private const double RoadFactor = 1.3;
    private const double SpeedKmh = 15;
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);

    public static DateTimeOffset Promise(DateTimeOffset acceptedAt, int prepMinutes, GeoPoint merchant, GeoPoint dropOff)
    {
        var rideMinutes = Math.Ceiling(merchant.DistanceMetresTo(dropOff) / 1000 * RoadFactor / SpeedKmh * 60);
        return acceptedAt + TimeSpan.FromMinutes(prepMinutes + rideMinutes) + Margin;
    }

    public static bool Missed(DateTimeOffset promisedAt, DateTimeOffset deliveredAt) => deliveredAt > promisedAt + Window;
}
