using Kaifan.Contracts.Queries;

namespace Kaifan.Tests.Ordering;

/// <summary>The 社群价 rule checkout prices by and the shop page's cart shows (MemberPortions, Contracts).</summary>
public sealed class MemberPortionsTests
{
    private static readonly Guid Noodles = Guid.NewGuid();
    private static readonly Guid Tea = Guid.NewGuid();
    private static readonly Guid Gone = Guid.NewGuid();
    private static readonly Dictionary<Guid, long> ListPrices = new() { [Noodles] = 1_800, [Tea] = 600 };

    private static CommunityPriceQuote Offer(Guid itemId, long memberPriceFen, int limit, string community = "3号楼") =>
        new(Guid.NewGuid(), Guid.NewGuid(), community, itemId, memberPriceFen, limit);

    [Fact]
    public void the_offers_limit_counts_over_the_dishs_lines_in_cart_order_and_the_rest_pay_the_list_price()
    {
        var shares = MemberPortions.Of([(Noodles, 2), (Tea, 1), (Noodles, 2), (Noodles, 1)], ListPrices, [Offer(Noodles, 1_500, limit: 3)]);

        shares.Select(s => (s.Portions, s.SavingFen)).ShouldBe([(2, 600L), (0, 0L), (1, 300L), (0, 0L)]);
        shares[0].Offer!.CommunityName.ShouldBe("3号楼");
        shares[1].Offer.ShouldBeNull();
    }

    [Fact]
    public void the_lowest_offer_counts_and_one_not_below_the_list_price_or_for_a_dish_off_the_menu_changes_nothing()
    {
        var shares = MemberPortions.Of(
            [(Noodles, 1), (Tea, 2), (Gone, 1)],
            ListPrices,
            [Offer(Noodles, 1_600, 5, "A"), Offer(Noodles, 1_200, 5, "B"), Offer(Tea, 600, 5), Offer(Gone, 100, 5)]);

        shares[0].ShouldBe(new MemberShare(1, 600, shares[0].Offer));
        shares[0].Offer!.CommunityName.ShouldBe("B");
        shares[1].ShouldBe(default);
        shares[2].ShouldBe(default);
    }
}
