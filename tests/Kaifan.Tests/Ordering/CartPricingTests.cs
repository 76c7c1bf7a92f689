using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Pricing;

namespace Kaifan.Tests.Ordering;

public sealed class CartPricingTests
{
    private static readonly GeoPoint Shop = new(31.0262, 121.4405);
    private static readonly Guid Rice = Guid.NewGuid();
    private static readonly Guid Tea = Guid.NewGuid();
    private static readonly Guid Spicy = Guid.NewGuid();
    private static readonly Guid Mild = Guid.NewGuid();
    private static readonly Guid Egg = Guid.NewGuid();
    private static readonly Guid Tofu = Guid.NewGuid();
    private static readonly Guid Spice = Guid.NewGuid();

    private static readonly ZoneQuote Zone = new(Guid.NewGuid(), "校区", BaseDeliveryFeeFen: 300, FeePerKmFen: 100, FreeDistanceKm: 1.0, MaxDistanceKm: 5.0);

    private static MerchantQuote Merchant(bool teaAvailable = true, int? teaStock = null) => new(
        Guid.NewGuid(), "黄焖鸡", Zone.Id, Shop, IsOpenNow: true, PackagingFeeFen: 150, MinimumOrderFen: 2000,
        [
            new ItemQuote(Rice, "黄焖鸡米饭", 1800, 650, true, null,
            [
                new OptionGroupQuote(Spice, "辣度", Required: true, MaxChoices: 1, [new OptionQuote(Spicy, "微辣", 0, 5), new OptionQuote(Mild, "不辣", 0, 0)]),
                new OptionGroupQuote(Guid.NewGuid(), "加料", Required: false, MaxChoices: 2, [new OptionQuote(Egg, "加蛋", 200, 80), new OptionQuote(Tofu, "加豆腐", 300, 60)]),
            ]),
            new ItemQuote(Tea, "柠檬茶", 600, 120, teaAvailable, teaStock, []),
        ]);

    private static GeoPoint East(double km) => new(Shop.Latitude, Shop.Longitude + km / (111.320 * Math.Cos(Shop.Latitude * Math.PI / 180)));

    [Fact]
    public void a_cart_is_priced_from_the_menu_with_options_packaging_delivery_and_calories()
    {
        var cart = CartPricer.Price(Merchant(), Zone, East(0.5), [new(Rice, 2, [Spicy, Egg]), new(Tea, 1, null)]);

        cart.Issues.ShouldBeEmpty();
        cart.Lines[0].UnitPriceFen.ShouldBe(2000);
        cart.Lines[0].LineTotalFen.ShouldBe(4000);
        cart.Lines[0].Calories.ShouldBe(735);
        cart.Lines[0].Options.Select(o => o.Name).ShouldBe(["微辣", "加蛋"]);
        cart.ItemsTotalFen.ShouldBe(4600);
        cart.PackagingFeeFen.ShouldBe(150);
        cart.DeliveryFeeFen.ShouldBe(300);
        cart.TotalFen.ShouldBe(5050);
        cart.TotalCalories.ShouldBe(735 * 2 + 120);
    }

    [Theory]
    [InlineData(900, 300, 0.9)]
    [InlineData(1000, 300, 1.0)]
    [InlineData(1001, 310, 1.1)]
    [InlineData(2450, 450, 2.5)]
    public void the_delivery_fee_charges_each_started_tenth_of_a_km_beyond_the_free_distance(double metres, long fee, double km)
    {
        var quote = DeliveryFee.Compute(Zone, metres);
        quote.FeeFen.ShouldBe(fee);
        quote.DistanceKm.ShouldBe(km);
        quote.WithinRange.ShouldBeTrue();
    }

    [Fact]
    public void an_address_beyond_the_zone_reach_is_out_of_range()
    {
        DeliveryFee.Compute(Zone, 5000).WithinRange.ShouldBeTrue();
        DeliveryFee.Compute(Zone, 5001).WithinRange.ShouldBeFalse();
        CartPricer.Price(Merchant(), Zone, East(6), [new(Rice, 1, [Spicy])]).WithinRange.ShouldBeFalse();
    }

    [Fact]
    public void a_missing_required_choice_or_too_many_choices_name_the_options_of_that_line()
    {
        var missing = CartPricer.Price(Merchant(), Zone, East(0.5), [new(Tea, 1, null), new(Rice, 1, [Egg])]);
        missing.Issues.Single().Field.ShouldBe("lines[1].optionIds");
        missing.Issues.Single().Invalid.ShouldBeTrue();

        var tooMany = CartPricer.Price(Merchant(), Zone, East(0.5), [new(Rice, 1, [Spicy, Mild])]);
        tooMany.Issues.Single().Reason.ShouldBe(LineReasons.OptionsInvalid);
    }

    [Fact]
    public void unknown_unlisted_sold_out_and_vanished_options_are_reported_per_line_and_left_out_of_the_totals()
    {
        var cart = CartPricer.Price(Merchant(teaAvailable: false), Zone, East(0.5), [new(Guid.NewGuid(), 1, null), new(Tea, 1, null), new(Rice, 1, [Spicy, Guid.NewGuid()]), new(Rice, 1, [Mild])]);
        cart.Issues.Select(i => (i.Index, i.Reason, i.Field)).ShouldBe(
        [
            (0, LineReasons.Removed, "lines[0].itemId"),
            (1, LineReasons.Unlisted, "lines[1].itemId"),
            (2, LineReasons.OptionGone, "lines[2].optionIds"),
        ]);
        cart.Lines.Single().Index.ShouldBe(3);
        cart.ItemsTotalFen.ShouldBe(1800);

        var soldOut = CartPricer.Price(Merchant(teaStock: 2), Zone, East(0.5), [new(Tea, 3, null)]);
        soldOut.Issues.Single().Reason.ShouldBe(LineReasons.SoldOut);
        soldOut.Issues.Single().PlacementStatus.ShouldBe(409);
    }

    [Fact]
    public void a_cart_below_the_minimum_says_how_much_is_missing()
    {
        var cart = CartPricer.Price(Merchant(), Zone, East(0.5), [new(Tea, 1, null)]);
        cart.ShortOfMinimumFen.ShouldBe(1400);
    }
}
