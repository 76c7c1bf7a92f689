using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer.Parts;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>The shopper components that compute something, rendered with bUnit in Simplified Chinese.</summary>
public sealed class ComponentTests : BunitContext
{
    private static readonly Guid Noodles = Guid.NewGuid();
    private static readonly Guid Egg = Guid.NewGuid();
    private static readonly Guid Large = Guid.NewGuid();
    private static readonly Guid Small = Guid.NewGuid();

    public ComponentTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    [Fact]
    public void the_cart_bar_adds_option_prices_and_calories_and_offers_checkout_once_the_minimum_is_met()
    {
        var cart = Cart.Price(Menu(), [new CartEntry(Noodles, 2, [Large]), new CartEntry(Egg, 1, [])]);

        var bar = Render<CartBar>(p => p.Add(c => c.Totals, cart).Add(c => c.CheckoutUrl, "/m/checkout?shop=x"));

        // (16 + 3) × 2 + 2 = ¥40; (620 + 250) × 2 + 75 = 1815 kcal.
        bar.Find("[data-testid=cart-count]").TextContent.ShouldBe("3");
        bar.Find("[data-testid=cart-total]").TextContent.ShouldBe("¥40");
        bar.Find("[data-testid=cart-calories]").TextContent.ShouldBe("共1815千卡");
        bar.Find("[data-testid=checkout]").TextContent.ShouldBe("去结算");
        cart.PackagingFeeFen.ShouldBe(100);
    }

    [Fact]
    public void the_cart_bar_says_how_much_is_missing_below_the_minimum()
    {
        var cart = Cart.Price(Menu(), [new CartEntry(Egg, 3, [])]);

        var bar = Render<CartBar>(p => p.Add(c => c.Totals, cart));

        bar.Find("[data-testid=cart-total]").TextContent.ShouldBe("¥6");
        bar.Find("[data-testid=cart-short]").TextContent.ShouldBe("还差¥9起送");
        bar.FindAll("[data-testid=checkout]").ShouldBeEmpty();
        bar.Find("[data-testid=cart-calories]").TextContent.ShouldBe("共225千卡");
    }

    [Fact]
    public void the_cart_cookie_round_trips_and_merges_the_same_dish_with_the_same_options()
    {
        var entries = Cart.Change(Cart.Change([], new CartEntry(Noodles, 1, [Large])), new CartEntry(Noodles, 2, [Large]));
        entries = Cart.Change(entries, new CartEntry(Noodles, 1, [Small]));

        var parsed = Cart.Parse(Cart.Format(entries));

        parsed.Count.ShouldBe(2);
        parsed[0].ShouldBe(new CartEntry(Noodles, 3, [Large]), new EntryComparer());
        Cart.Change(parsed, parsed[1] with { Quantity = -1 }).Count.ShouldBe(1);
    }

    [Fact]
    public void the_payment_countdown_counts_from_the_server_clock_and_says_when_time_is_up()
    {
        var now = new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

        Render<PayCountdown>(p => p.Add(c => c.Deadline, now.AddMinutes(15)).Add(c => c.Now, now)).Find("[data-testid=countdown]").TextContent.ShouldBe("15:00");
        var almost = Render<PayCountdown>(p => p.Add(c => c.Deadline, now.AddSeconds(61)).Add(c => c.Now, now)).Find("[data-testid=countdown]");
        almost.TextContent.ShouldBe("01:01");
        almost.GetAttribute("data-countdown").ShouldBe("61");
        Render<PayCountdown>(p => p.Add(c => c.Deadline, now.AddSeconds(-1)).Add(c => c.Now, now)).Find("[data-testid=countdown]").TextContent.ShouldBe("订单已超时");
    }

    [Fact]
    public void the_status_timeline_shows_shanghai_times_and_dashes_for_steps_not_reached()
    {
        var placed = new DateTimeOffset(2026, 11, 30, 4, 5, 0, TimeSpan.Zero);
        TimelineStep[] steps =
        [
            new("placed", "订单已提交", true, placed),
            new("paid", "支付成功", true, placed.AddMinutes(1)),
            new("accepted", "商家已接单", false, null),
            new("ready", "商家已出餐", false, null),
        ];

        var timeline = Render<StatusTimeline>(p => p.Add(c => c.Steps, steps));

        var items = timeline.FindAll("li");
        items.Select(i => i.QuerySelector(".label")!.TextContent).ShouldBe(["订单已提交", "支付成功", "商家已接单", "商家已出餐"]);
        items.Select(i => i.QuerySelector(".time")!.TextContent).ShouldBe(["12:05", "12:06", "--:--", "--:--"]);
        items.Select(i => i.ClassName).ShouldBe(["reached", "reached", "pending", "pending"]);
    }

    private static MenuInfo Menu()
    {
        var category = Guid.NewGuid();
        var size = new OptionGroupInfo(Guid.NewGuid(), "规格", true, 1, [new OptionInfo(Small, "小份", 0, 0), new OptionInfo(Large, "大份", 300, 250)]);
        return new MenuInfo(
            new MerchantHeaderInfo(Guid.NewGuid(), Guid.NewGuid(), "老马家", "🍜", 4.7, 2310, 1500, 300, 100, true, false, null, "", []),
            [
                new CategoryInfo(category, "招牌", 0,
                [
                    new ItemInfo(Noodles, category, "兰州牛肉拉面", "", 1600, 620, false, null, true, 1180, [size]),
                    new ItemInfo(Egg, category, "卤蛋", "", 200, 75, false, null, true, 900, []),
                ]),
            ]);
    }

    private sealed class EntryComparer : IEqualityComparer<CartEntry>
    {
        public bool Equals(CartEntry? x, CartEntry? y) => x?.Key == y?.Key && x?.Quantity == y?.Quantity;

        public int GetHashCode(CartEntry obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
