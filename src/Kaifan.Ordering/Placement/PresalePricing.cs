using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// A 预售接龙 order buys the chain's dish alone, with exactly the options the shop fixed for the chain, up to the
/// per-customer limit, at the price Growth's chain names (the options' deltas are in it); the client's cart only says how many. No 起送 minimum and no coupon; it is cooked on
/// delivery day, so the shop being closed today does not stop it.
/// </summary>
internal static class PresalePricing
{
    public const string Field = "presaleId";

    public static async Task<(PresaleQuote? Presale, IResult? Error)> FindAsync(
        IPresales presales, CheckoutOptions options, Guid merchantId, IReadOnlyList<CartLineRequest> lines, CancellationToken ct)
    {
        if (options.PresaleId is not { } presaleId)
        {
            return (null, null);
        }

        var presale = await presales.FindAsync(presaleId, ct);
        if (presale is null || presale.MerchantId != merchantId)
        {
            return (null, OrderingProblems.NotFound("预售接龙", Field));
        }

        if (!presale.IsJoinable)
        {
            return (null, Problems.Unprocessable("接龙已截止 (the chain no longer takes entries)", Field));
        }

        if (lines.Count != 1 || lines[0].ItemId != presale.ItemId)
        {
            return (null, Problems.Unprocessable("预售订单只能购买该预售菜品 (a pre-sale order is the chain's dish alone)", "lines"));
        }

        if (!(lines[0].OptionIds ?? []).ToHashSet().SetEquals(presale.OptionIds) || (lines[0].OptionIds?.Count ?? 0) != presale.OptionIds.Count)
        {
            return (null, Problems.Unprocessable("预售菜品的规格由商家指定 (a pre-sale dish comes with the options the shop fixed)", "lines[0].optionIds"));
        }

        if (lines[0].Quantity > presale.PerCustomerLimit)
        {
            return (null, Problems.Unprocessable($"每人限购{presale.PerCustomerLimit}份 (at most {presale.PerCustomerLimit} per customer)", "lines[0].quantity"));
        }

        if (options.CouponId is not null)
        {
            return (null, Problems.Unprocessable("预售订单不能使用优惠券 (a pre-sale order takes no coupon)", "couponId"));
        }

        return (presale, null);
    }

    public static CartQuote Apply(CartQuote quote, PresaleQuote presale)
    {
        var lines = quote.Cart.Lines.Select(l => l with { UnitPriceFen = presale.PriceFen, LineTotalFen = presale.PriceFen * l.Quantity }).ToList();
        return quote with
        {
            Merchant = quote.Merchant with { IsOpenNow = true },
            Cart = quote.Cart with { Lines = lines, ItemsTotalFen = lines.Sum(l => l.LineTotalFen), MinimumOrderFen = 0 },
        };
    }
}
