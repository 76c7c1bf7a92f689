using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// A 拼团 order buys the deal's dish alone, one portion, at the price Growth's deal names (options keep their deltas);
/// the client's cart only says which options. A group deal has no 起送 minimum and takes no coupon.
/// </summary>
internal static class GroupDealPricing
{
    public static async Task<(GroupDealQuote? Deal, IResult? Error)> FindAsync(
        IGroupBuys groups, CheckoutOptions options, Guid merchantId, IReadOnlyList<CartLineRequest> lines, CancellationToken ct)
    {
        if (options.GroupDealId is null && options.GroupId is null)
        {
            return (null, null);
        }

        var field = options.GroupId is null ? "groupDealId" : "groupId";
        var deal = await groups.FindDealAsync(options.GroupDealId, options.GroupId, ct);
        if (deal is null || deal.MerchantId != merchantId)
        {
            return (null, OrderingProblems.NotFound(options.GroupId is null ? "拼团活动" : "拼团", field));
        }

        if (options.GroupId is null && !deal.IsOpenable)
        {
            return (null, Problems.Unprocessable("拼团活动未开始或已结束 (the group deal is not running)", field));
        }

        if (lines.Count != 1 || lines[0].ItemId != deal.ItemId || lines[0].Quantity != 1)
        {
            return (null, Problems.Unprocessable("拼团订单只能购买该拼团菜品一份 (a group order is the deal's dish, one portion)", "lines"));
        }

        if (options.CouponId is not null)
        {
            return (null, Problems.Unprocessable("拼团订单不能使用优惠券 (a group order takes no coupon)", "couponId"));
        }

        return (deal, null);
    }

    public static CartQuote Apply(CartQuote quote, GroupDealQuote deal)
    {
        // A dish gone from the menu is already a line issue that stops the order.
        if (quote.Merchant.Items.SingleOrDefault(i => i.Id == deal.ItemId) is not { } item)
        {
            return quote;
        }

        var listPrice = item.PriceFen;
        var lines = quote.Cart.Lines.Select(l =>
        {
            var unit = l.UnitPriceFen - listPrice + deal.GroupPriceFen;
            return l with { UnitPriceFen = unit, LineTotalFen = unit * l.Quantity };
        }).ToList();
        return quote with { Cart = quote.Cart with { Lines = lines, ItemsTotalFen = lines.Sum(l => l.LineTotalFen), MinimumOrderFen = 0 } };
    }
}
