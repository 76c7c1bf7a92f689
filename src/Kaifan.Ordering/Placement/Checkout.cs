using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Placement;

/// <summary>What the customer chose at checkout beyond the cart: special care, the service tier, door or locker.</summary>
internal sealed record CheckoutChoice(bool SpecialCare, ServiceTier Tier, LockerInfo? Locker)
{
    public static readonly CheckoutChoice Standard = new(false, ServiceTier.Standard, null);

    public long ServiceFeeFen => Tier == ServiceTier.Guaranteed ? Guarantee.FeeFen : 0;
}

/// <summary>The checkout options a quote and a placement share; all optional, the defaults are 标准配送 to the door.</summary>
internal sealed record CheckoutOptions(
    bool SpecialCare, string? ServiceTier, string? Delivery, Guid? LockerId, Guid? CouponId, Guid? GroupDealId = null, Guid? GroupId = null, Guid? PresaleId = null)
{
    public static readonly CheckoutOptions None = new(false, null, null, null, null);
}

/// <summary>A cart priced with the checkout's choices: the tier's fee, the coupon's discount, and what each tier would offer here.</summary>
internal sealed record CheckoutQuote(
    CartQuote Quote, CheckoutChoice Choice, Coupon? Coupon, BatchLineInfo? BatchLine, DateTimeOffset PricedAt, GroupDealQuote? GroupDeal = null)
{
    /// <summary>The shop's 满减 and 新客立减, taken off before the coupon.</summary>
    public IReadOnlyList<ShopDiscountLine> ShopDiscounts { get; init; } = [];

    public long ShopDiscountFen => ShopDiscounts.Sum(d => d.AmountFen);

    /// <summary>The items as the coupon sees them: after the shop's discounts, as Meituan counts a coupon's 满X.</summary>
    public long ItemsAfterShopFen => Quote.Cart.ItemsTotalFen - ShopDiscountFen;

    /// <summary>The coupon's discount alone.</summary>
    public long DiscountFen => Coupon?.DiscountOn(ItemsAfterShopFen) ?? 0;

    public long TotalFen => Quote.Cart.TotalFen + Choice.ServiceFeeFen - ShopDiscountFen - DiscountFen;

    public bool TakesNewCustomer => ShopDiscounts.Any(d => d.Kind == ShopPromotions.NewCustomerKind);

    /// <summary>The group a 拼团 order joins; null when it opens a new one (or is no group order).</summary>
    public Guid? GroupId { get; init; }

    /// <summary>The 预售接龙 chain the order joins, priced from Growth.</summary>
    public PresaleQuote? Presale { get; init; }

    public GeoPoint DropOff => Choice.Locker?.Location ?? Quote.Address.Location;

    /// <summary>The minutes this merchant's kitchen usually takes at this hour (a typical kitchen's while its history is short).</summary>
    public TimeSpan UsualPrep { get; init; } = DeliveryEstimate.AssumedPrep;

    /// <summary>Only an estimate: the guarantee is judged against Tracking's promise made when the merchant accepts.</summary>
    public DateTimeOffset EstimatedArrival => DeliveryEstimate.Arrival(PricedAt, UsualPrep, Quote.Merchant.Location, DropOff);

    /// <summary>The run a batch order placed now would take: the first departure once the kitchen is done.</summary>
    public DateTimeOffset? NextBatchDeparture => BatchLine?.DepartureFor(PricedAt + UsualPrep);

    public DateTimeOffset? BatchArrival => NextBatchDeparture is { } leaves ? DeliveryEstimate.Arrival(PricedAt, UsualPrep, Quote.Merchant.Location, DropOff, leaves) : null;

    /// <summary>The 预计送达 checkout shows for the chosen tier (a batch order's counts from its run; none without one).</summary>
    public DateTimeOffset? QuotedArrival => Choice.Tier == ServiceTier.Batch ? BatchArrival : EstimatedArrival;
}

/// <summary>
/// Resolves the choice against the zone (the locker must exist in the merchant's zone; a batch order must fall inside
/// one of its lines) and the coupon against the customer's own, then prices. Quote and placement both come here, so
/// a quote answers exactly what placing the same request would.
/// </summary>
internal sealed class Checkout(
    ILockerDirectory lockers, IBatchLines lines, CartQuoting quoting, IGroupBuys groups, IPresales presales, IPrepTimeEstimates prepTimes, OrderingDb db,
    TimeProvider clock)
{
    public async Task<(CheckoutQuote? Quote, IResult? Error)> PriceAsync(
        Guid customerId, Guid merchantId, Guid addressId, IReadOnlyList<CartLineRequest> cartLines, CheckoutOptions options, CancellationToken ct)
    {
        var (deal, dealError) = await GroupDealPricing.FindAsync(groups, options, merchantId, cartLines, ct);
        if (dealError is not null)
        {
            return (null, dealError);
        }

        var (presale, presaleError) = await PresalePricing.FindAsync(presales, options, merchantId, cartLines, ct);
        if (presaleError is not null)
        {
            return (null, presaleError);
        }

        var (quote, error) = await QuoteAsync(customerId, merchantId, addressId, cartLines, deal, presale, ct);
        if (error is not null)
        {
            return (null, error);
        }

        var (choice, choiceError) = await ResolveAsync(quote!.Merchant.ZoneId, options.SpecialCare, options.ServiceTier, options.Delivery, options.LockerId, ct);
        if (choiceError is not null)
        {
            return (null, choiceError);
        }

        if (choice!.Locker is { } locker)
        {
            // The ride ends at the locker, so the fee and the range are the locker's.
            (quote, error) = await QuoteAsync(customerId, merchantId, addressId, cartLines, deal, presale, ct, locker.Location);
            if (error is not null)
            {
                return (null, error);
            }
        }

        var dropOff = choice.Locker?.Location ?? quote!.Address.Location;
        var line = await lines.FindAsync(quote!.Merchant.ZoneId, dropOff, ct);
        if (choice.Tier == ServiceTier.Batch && line is null)
        {
            return (null, Problems.Unprocessable("送达地点不在任何校园拼单专线内 (the drop-off is outside every campus batch line)", "serviceTier"));
        }

        var now = clock.GetUtcNow();
        var shopDiscounts = await ShopDiscountsAsync(customerId, quote, deal is not null || presale is not null, ct);
        Coupon? coupon = null;
        if (options.CouponId is { } couponId)
        {
            var itemsAfterShop = quote.Cart.ItemsTotalFen - shopDiscounts.Sum(d => d.AmountFen);
            (coupon, error) = await CouponSpending.FindSpendableAsync(db, customerId, couponId, itemsAfterShop, now, ct);
            if (error is not null)
            {
                return (null, error);
            }
        }

        var usualPrep = (await prepTimes.UsualAsync(merchantId, now, ct)).Duration;
        return (new CheckoutQuote(quote, choice, coupon, line, now, deal)
        {
            GroupId = options.GroupId, Presale = presale, UsualPrep = usualPrep, ShopDiscounts = shopDiscounts,
        }, null);
    }

    /// <summary>A 拼团 or 预售 price is already the deal: the shop's discounts do not stack on it, as on Meituan.</summary>
    private async Task<IReadOnlyList<ShopDiscountLine>> ShopDiscountsAsync(Guid customerId, CartQuote quote, bool dealPriced, CancellationToken ct)
    {
        if (dealPriced || quote.Merchant.Promotions is not { Any: true } promotions || quote.Cart.Lines.Count == 0)
        {
            return [];
        }

        var isNew = promotions.NewCustomerFen > 0 && await NewCustomers.IsNewAsync(db, customerId, quote.Merchant.Id, ct);
        return ShopDiscounts.Apply(promotions, quote.Cart.ItemsTotalFen, isNew);
    }

    private async Task<(CartQuote? Quote, IResult? Error)> QuoteAsync(
        Guid customerId, Guid merchantId, Guid addressId, IReadOnlyList<CartLineRequest> cartLines, GroupDealQuote? deal, PresaleQuote? presale,
        CancellationToken ct, GeoPoint? dropOff = null)
    {
        var (quote, error) = await quoting.QuoteAsync(customerId, merchantId, addressId, cartLines, ct, dropOff, memberPrices: deal is null && presale is null);
        return (quote, deal, presale) switch
        {
            (null, _, _) => (quote, error),
            (_, not null, _) => (GroupDealPricing.Apply(quote, deal), null),
            (_, _, not null) => (PresalePricing.Apply(quote, presale), null),
            _ => (quote, error),
        };
    }

    private async Task<(CheckoutChoice? Choice, IResult? Error)> ResolveAsync(
        Guid zoneId, bool specialCare, string? tier, string? delivery, Guid? lockerId, CancellationToken ct)
    {
        LockerInfo? locker = null;
        if (delivery == "locker")
        {
            locker = await lockers.GetAsync(lockerId!.Value, ct);
            if (locker is null)
            {
                return (null, OrderingProblems.NotFound("外卖柜", "lockerId"));
            }

            if (locker.ZoneId != zoneId)
            {
                return (null, Problems.Unprocessable("外卖柜不在商家的配送区域 (the locker is outside the merchant's zone)", "lockerId"));
            }
        }

        return (new CheckoutChoice(specialCare, ServiceTierNames.Parse(tier), locker), null);
    }
}
