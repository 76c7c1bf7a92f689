using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Ordering.Pricing;

/// <summary>
/// 社群价 on a priced cart by the rule of <see cref="MemberPortions"/>. The offers come from Growth for this customer at
/// this moment (ICommunityPrices), never from the client, so a non-member pays the menu's price whatever they send.
/// </summary>
internal static class CommunityPricing
{
    public static PricedCart Apply(PricedCart cart, MerchantQuote merchant, IReadOnlyList<CommunityPriceQuote> offers)
    {
        if (offers.Count == 0 || cart.Lines.Count == 0)
        {
            return cart;
        }

        var shares = MemberPortions.Of(
            cart.Lines.Select(l => (l.ItemId, l.Quantity)), merchant.Items.ToDictionary(i => i.Id, i => i.PriceFen), offers);
        var lines = cart.Lines.Select((line, i) =>
        {
            var share = shares[i];
            if (share.Offer is not { } offer)
            {
                return line;
            }

            var member = line with { ListUnitPriceFen = line.UnitPriceFen, CommunityName = offer.CommunityName, MemberPortions = share.Portions };
            return share.Portions == line.Quantity
                ? member with { UnitPriceFen = line.UnitPriceFen - (share.SavingFen / share.Portions), LineTotalFen = line.LineTotalFen - share.SavingFen }
                : member with { LineTotalFen = line.LineTotalFen - share.SavingFen };
        }).ToList();
        return cart with { Lines = lines, ItemsTotalFen = lines.Sum(l => l.LineTotalFen) };
    }
}
