using Kaifan.Contracts;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// 准时宝, the on-time guarantee: the order is judged against Tracking's promise made at acceptance (DeliveryPromised);
/// delivered after the window's end (promise + 3 min) earns the customer one coupon. Before acceptance nobody has
/// stated the kitchen's minutes, so checkout can only show an estimate (DeliveryEstimate), labelled as one.
/// </summary>
internal static class Guarantee
{
    public static readonly TimeSpan Window = ServiceTiers.GuaranteeWindow;

    public const long FeeFen = 200;

    public const long CompensationFen = 500;

    public static readonly TimeSpan CouponLifetime = TimeSpan.FromDays(30);

    public static bool Missed(DateTimeOffset promisedAt, DateTimeOffset deliveredAt) => deliveredAt > promisedAt + Window;

    /// <summary>Counted from the window's end and rounded up, so a miss by seconds still reads as one minute, never zero.</summary>
    public static int MinutesLate(DateTimeOffset promisedAt, DateTimeOffset deliveredAt) =>
        Math.Max(0, (int)Math.Ceiling((deliveredAt - (promisedAt + Window)).TotalMinutes));
}
