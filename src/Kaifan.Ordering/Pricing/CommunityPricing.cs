using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Ordering.Pricing;

/// <summary>
/// 社群价: a member's dish at the community's price (options keep their deltas), for at most the offer's limit of
/// portions an order; further portions pay the menu's price. The offers come from Growth for this customer at this
/// moment (ICommunityPrices), never from the client, so a non-member pays the menu's price whatever they send.
/// </summary>
internal static class CommunityPricing
{
    public static PricedCart Apply(PricedCart cart, MerchantQuote merchant, IReadOnlyList<CommunityPriceQuote> offers)
    {
        if (offers.Count == 0 || cart.Lines.Count == 0)
        {
            return cart;
        }

        var listPrices = merchant.Items.ToDictionary(i => i.Id, i => i.PriceFen);
        var byItem = offers.ToDictionary(o => o.ItemId);
        var portionsUsed = new Dictionary<Guid, int>();
        var lines = cart.Lines.Select(line =>
        {
            if (!byItem.TryGetValue(line.ItemId, out var offer) || !listPrices.TryGetValue(line.ItemId, out var listPrice) || offer.MemberPriceFen >= listPrice)
            {
                return line;
            }

            var portions = Math.Min(line.Quantity, offer.LimitPerOrder - portionsUsed.GetValueOrDefault(line.ItemId));
            if (portions <= 0)
            {
                return line;
            }

            portionsUsed[line.ItemId] = portionsUsed.GetValueOrDefault(line.ItemId) + portions;
            var saving = listPrice - offer.MemberPriceFen;
            var member = line with { ListUnitPriceFen = line.UnitPriceFen, CommunityName = offer.CommunityName, MemberPortions = portions };
            return portions == line.Quantity
                ? member with { UnitPriceFen = line.UnitPriceFen - saving, LineTotalFen = (line.UnitPriceFen - saving) * line.Quantity }
                : member with { LineTotalFen = line.LineTotalFen - saving * portions };
        }).ToList();
        return cart with { Lines = lines, ItemsTotalFen = lines.Sum(l => l.LineTotalFen) };
    }
}
