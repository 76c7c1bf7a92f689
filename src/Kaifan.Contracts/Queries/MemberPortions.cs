namespace Kaifan.Contracts.Queries;

/// <summary>The part of one cart line at the 社群价 of Offer: Portions of it, SavingFen below the dish's list price in all.</summary>
public readonly record struct MemberShare(int Portions, long SavingFen, CommunityPriceQuote? Offer);

/// <summary>
/// 社群价 over a cart: a member's dish at the community's price (options keep their deltas) for at most the offer's limit
/// of portions an order, counted over the dish's lines in cart order; further portions pay the list price, and an offer
/// not below the list price changes nothing. With several offers for one dish the lowest counts. Checkout prices the
/// order by this and the shop page's cart shows the same, so one place says it.
/// </summary>
public static class MemberPortions
{
    /// <summary>One share per line, in the lines' order; a line off the menu (no list price) or without an offer gets none.</summary>
    public static IReadOnlyList<MemberShare> Of(
        IEnumerable<(Guid ItemId, int Quantity)> lines, IReadOnlyDictionary<Guid, long> listPrices, IEnumerable<CommunityPriceQuote> offers)
    {
        var best = offers.GroupBy(o => o.ItemId).ToDictionary(g => g.Key, g => g.MinBy(o => o.MemberPriceFen)!);
        var used = new Dictionary<Guid, int>();
        var shares = new List<MemberShare>();
        foreach (var (itemId, quantity) in lines)
        {
            if (!best.TryGetValue(itemId, out var offer) || !listPrices.TryGetValue(itemId, out var listPrice) || offer.MemberPriceFen >= listPrice)
            {
                shares.Add(default);
                continue;
            }

            var portions = Math.Max(0, Math.Min(quantity, offer.LimitPerOrder - used.GetValueOrDefault(itemId)));
            used[itemId] = used.GetValueOrDefault(itemId) + portions;
            shares.Add(portions == 0 ? default : new MemberShare(portions, (listPrice - offer.MemberPriceFen) * portions, offer));
        }

        return shares;
    }
}
