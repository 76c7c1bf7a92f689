using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Pricing;

internal sealed record CartQuote(MerchantQuote Merchant, DeliveryAddress Address, PricedCart Cart);

/// <summary>
/// Gathers menu, zone and the customer's own address, then prices; shared by quote, placement and reorder. Member
/// prices (社群价) apply unless the cart is priced by something else (a 拼团 deal).
/// </summary>
internal sealed class CartQuoting(ICatalogQueries catalog, ICustomerDirectory customers, ICommunityPrices communityPrices)
{
    public async Task<(CartQuote? Quote, IResult? Error)> QuoteAsync(
        Guid customerId, Guid merchantId, Guid addressId, IReadOnlyList<CartLineRequest> lines, CancellationToken ct, GeoPoint? dropOff = null,
        bool memberPrices = true)
    {
        var merchant = await catalog.GetMerchantForOrderingAsync(merchantId, ct);
        if (merchant is null)
        {
            return (null, OrderingProblems.NotFound("商家", "merchantId"));
        }

        var address = await customers.GetOwnAddressAsync(customerId, addressId, ct);
        if (address is null)
        {
            return (null, OrderingProblems.NotFound("收货地址", "addressId"));
        }

        var zone = await catalog.GetZoneAsync(merchant.ZoneId, ct);
        if (zone is null)
        {
            return (null, Problems.Unprocessable("商家不在任何配送区域 (merchant has no delivery zone)", "merchantId"));
        }

        var cart = CartPricer.Price(merchant, zone, dropOff ?? address.Location, lines);
        if (memberPrices)
        {
            cart = CommunityPricing.Apply(cart, merchant, await communityPrices.ForMemberAsync(customerId, merchantId, ct));
        }

        if (!cart.WithinRange)
        {
            return (null, Problems.Unprocessable($"超出配送范围，距离{cart.DistanceKm:0.0}km (address is beyond the delivery range)", "addressId"));
        }

        return (new CartQuote(merchant, address, cart), null);
    }

    /// <summary>Everything that stops an order being placed from this quote, in the order a customer would fix it.</summary>
    public static IResult? PlacementBlocker(CartQuote quote)
    {
        if (!quote.Merchant.IsOpenNow)
        {
            return Problems.Conflict("商家已打烊 (merchant is closed)", "merchantId");
        }

        if (quote.Cart.Issues.FirstOrDefault() is { } issue)
        {
            return OrderingProblems.Status(issue.PlacementStatus, issue.Message, issue.Field);
        }

        if (quote.Cart.ShortOfMinimumFen > 0)
        {
            return Problems.Unprocessable(
                $"还差¥{Kaifan.Contracts.Fen.ToYuan(quote.Cart.ShortOfMinimumFen)}起送 (below the minimum order)", "lines");
        }

        return null;
    }
}
