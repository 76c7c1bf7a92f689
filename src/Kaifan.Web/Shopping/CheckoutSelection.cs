using Kaifan.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Shopping;

/// <summary>
/// What the shopper picked on the checkout form: one delivery option (标准配送 / 准时宝 / 校园拼单 / 智能柜), the locker
/// for 智能柜, 特殊关照, and a coupon. The API takes these as serviceTier, delivery + lockerId, specialCare and couponId.
/// </summary>
public sealed record CheckoutSelection(string Option, Guid? LockerId, bool SpecialCare, Guid? CouponId)
{
    public const string Standard = "standard";
    public const string Guaranteed = "guaranteed";
    public const string Batch = "batch";
    public const string Locker = "locker";

    public static readonly CheckoutSelection Default = new(Standard, null, false, null);

    public string ServiceTier => Option is Guaranteed or Batch ? Option : Standard;

    public string Delivery => Option == Locker ? "locker" : "door";

    public static CheckoutSelection FromForm(IFormCollection form)
    {
        var posted = form["option"].ToString();
        var option = posted is Guaranteed or Batch or Locker ? posted : Standard;
        var locker = Guid.TryParse(form["locker"], out var l) ? l : (Guid?)null;
        var coupon = Guid.TryParse(form["coupon"], out var c) ? c : (Guid?)null;
        return new CheckoutSelection(option, option == Locker ? locker : null, form["care"] == "true", coupon);
    }

    public CartRequest Quote(Guid shop, Guid address, IReadOnlyList<CartLineRequest> lines) =>
        new(shop, address, lines, SpecialCare, ServiceTier, Delivery, LockerId, CouponId);

    public PlaceOrderRequest Place(Guid shop, Guid address, IReadOnlyList<CartLineRequest> lines, string? note, int cutlery) =>
        new(shop, address, lines, note, cutlery, SpecialCare, ServiceTier, Delivery, LockerId, CouponId);
}

/// <summary>A coupon the cart can spend now, with what it saves.</summary>
public sealed record UsableCoupon(CouponInfo Coupon, long SavingFen);

public static class CouponChoice
{
    /// <summary>Unused, unexpired and with its minimum spend met; best first: the biggest saving, then the one expiring soonest.</summary>
    public static List<UsableCoupon> UsableFor(IEnumerable<CouponInfo> coupons, long itemsFen, DateTimeOffset now) =>
        coupons
            .Where(c => c.Status == "unused" && c.ExpiresAt > now && c.MinSpendFen <= itemsFen)
            .Select(c => new UsableCoupon(c, Math.Min(c.AmountFen, itemsFen)))
            .OrderByDescending(u => u.SavingFen)
            .ThenBy(u => u.Coupon.ExpiresAt)
            .ToList();
}
