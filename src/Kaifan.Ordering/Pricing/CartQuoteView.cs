using Kaifan.Contracts;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Placement;

namespace Kaifan.Ordering.Pricing;

internal sealed record OptionView(Guid Id, string Name);

/// <summary>A 社群价 line names its community and the menu's unit price (ListUnitPriceFen) for the 划线价; MemberPortions are at the member price.</summary>
internal sealed record QuoteLineView(
    int Index, Guid ItemId, string Name, IReadOnlyList<OptionView> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen,
    long? ListUnitPriceFen = null, string? CommunityName = null, int MemberPortions = 0);

/// <summary>One of the shop's own discounts (kind fullReduction or newCustomer), a −¥ price line of its own.</summary>
internal sealed record ShopDiscountView(string Kind, string Label, long AmountFen);

/// <summary>A requested line that cannot be sold as asked; `reason` is a stable code, `message` is for people.</summary>
internal sealed record UnavailableLineView(int Index, Guid ItemId, string Name, string Reason, string Message);

/// <summary>
/// 准时宝 as checkout can offer it: the fee, the coupon when late, and an estimated window. IsEstimate is always true here:
/// the window the order is judged by is Tracking's promise, fixed when the merchant accepts.
/// </summary>
internal sealed record GuaranteeOfferView(long FeeFen, long CompensationFen, DateTimeOffset EstimatedAt, DateTimeOffset From, DateTimeOffset To, bool IsEstimate);

/// <summary>
/// The campus batch line the drop-off lies on, the run an order placed now would take (the first departure once a
/// typical kitchen is done) and the arrival estimated from that run.
/// </summary>
internal sealed record BatchLineOfferView(Guid LineId, string Name, DateTimeOffset? NextDeparture, DateTimeOffset? EstimatedArrivalAt);

/// <summary>
/// TotalFen is what the customer pays: items + packaging + delivery + the tier's fee − the shop's discounts
/// (ShopDiscounts, ShopDiscountFen in all) − the coupon's discount (DiscountFen). Every
/// quote (cart sheet, checkout, 再来一单) is priced by Checkout; without choices it has no fee and no discount.
/// EstimatedArrivalAt is the chosen tier's estimate (a batch order's counts from its run); the guarantee's is door to door.
/// </summary>
internal sealed record CartQuoteView(
    Guid MerchantId,
    string MerchantName,
    bool MerchantOpen,
    IReadOnlyList<QuoteLineView> Lines,
    IReadOnlyList<UnavailableLineView> Unavailable,
    long ItemsTotalFen,
    long PackagingFeeFen,
    long DeliveryFeeFen,
    long TotalFen,
    int TotalCalories,
    double DistanceKm,
    long MinimumOrderFen,
    long ShortOfMinimumFen,
    bool CanPlace,
    Guid ZoneId,
    string ServiceTier,
    long ServiceFeeFen,
    Guid? CouponId,
    long DiscountFen,
    string Delivery,
    Guid? LockerId,
    bool SpecialCare,
    DateTimeOffset? EstimatedArrivalAt,
    GuaranteeOfferView? Guarantee,
    BatchLineOfferView? BatchLine,
    IReadOnlyList<ShopDiscountView> ShopDiscounts,
    long ShopDiscountFen)
{
    public static CartQuoteView From(CartQuote quote)
    {
        var cart = quote.Cart;
        return new CartQuoteView(
            quote.Merchant.Id,
            quote.Merchant.Name,
            quote.Merchant.IsOpenNow,
            cart.Lines.Select(l => new QuoteLineView(l.Index, l.ItemId, l.Name, l.Options.Select(o => new OptionView(o.Id, o.Name)).ToList(), l.UnitPriceFen, l.Quantity, l.Calories, l.LineTotalFen, l.ListUnitPriceFen, l.CommunityName, l.MemberPortions)).ToList(),
            cart.Issues.Select(i => new UnavailableLineView(i.Index, i.ItemId, i.Name, i.Reason, i.Message)).ToList(),
            cart.ItemsTotalFen,
            cart.PackagingFeeFen,
            cart.DeliveryFeeFen,
            cart.TotalFen,
            cart.TotalCalories,
            cart.DistanceKm,
            cart.MinimumOrderFen,
            cart.ShortOfMinimumFen,
            CartQuoting.PlacementBlocker(quote) is null,
            quote.Merchant.ZoneId,
            ServiceTiers.Standard,
            0,
            null,
            0,
            "door",
            null,
            false,
            null,
            null,
            null,
            [],
            0);
    }

    public static CartQuoteView From(CheckoutQuote priced)
    {
        var estimate = priced.EstimatedArrival;
        return From(priced.Quote) with
        {
            TotalFen = priced.TotalFen,
            ServiceTier = priced.Choice.Tier.ToString().ToLowerInvariant(),
            ServiceFeeFen = priced.Choice.ServiceFeeFen,
            CouponId = priced.Coupon?.Id,
            DiscountFen = priced.DiscountFen,
            ShopDiscounts = priced.ShopDiscounts.Select(d => new ShopDiscountView(d.Kind, d.Label, d.AmountFen)).ToList(),
            ShopDiscountFen = priced.ShopDiscountFen,
            Delivery = priced.Choice.Locker is null ? "door" : "locker",
            LockerId = priced.Choice.Locker?.Id,
            SpecialCare = priced.Choice.SpecialCare,
            EstimatedArrivalAt = priced.QuotedArrival,
            Guarantee = new GuaranteeOfferView(
                Orders.Guarantee.FeeFen, Orders.Guarantee.CompensationFen, estimate, estimate - Orders.Guarantee.Window, estimate + Orders.Guarantee.Window, IsEstimate: true),
            BatchLine = priced.BatchLine is { } line ? new BatchLineOfferView(line.Id, line.Name, priced.NextBatchDeparture, priced.BatchArrival) : null,
        };
    }
}
