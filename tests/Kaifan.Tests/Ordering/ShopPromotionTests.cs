using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Refunds;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>The demo campus with its shops' own promotions seeded: the noodle shop 满30减5 满50减12, the tea shop 新客立减¥3.</summary>
public abstract class PromotionsApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration) => configuration["Kaifan:Demo:ShopPromotions"] = "true";
}

public sealed class PromotionsSqliteApp() : PromotionsApp(Provider.Sqlite);

public sealed class PromotionsPostgresApp() : PromotionsApp(Provider.Postgres);

/// <summary>
/// A shop's own 满减 and 新客立减: the highest tier the items reach comes off before the coupon (whose 满X counts what is
/// left), 新客立减 goes to one standing order per customer and shop even under parallel placements, the rule in force at
/// placement stays with the order, refunds return only what was paid, and only the shop's own staff change the rules.
/// </summary>
public abstract class ShopPromotionTests(PromotionsApp app)
{
    private const int TeaShop = 5;

    /// <summary>蛋挞 ¥9, no options: two reach the tea shop's ¥18 minimum.</summary>
    private static readonly Guid EggTart = Dish(8, TeaShop);

    private static readonly object Seeded = new
    {
        fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 500 }, new { thresholdFen = 5000, discountFen = 1200 } },
        newCustomerOn = false, newCustomerFen = 0,
    };

    private static long Fen(JsonNode node, string name) => node[name]!.GetValue<long>();

    private static async Task<JsonNode> QuoteAsync(HttpClient client, object cart)
    {
        var response = await client.PostAsJsonAsync("/api/carts/quote", cart);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private static string[] Kinds(JsonNode priced) => priced["shopDiscounts"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()).ToArray();

    private Task<HttpResponseMessage> PutPromotionsAsync(int merchant, object body, int shop = NoodleShop) =>
        app.Staff(merchant).PutAsJsonAsync($"/api/merchants/{DemoCampus.MerchantId(shop)}/promotions", body);

    private async Task<string> PromotionsAsync() =>
        await app.Staff().GetStringAsync($"/api/merchants/{Shop}/promotions");

    private static object TeaCart(int customer) => CartAt(DemoCampus.MerchantId(TeaShop), customer, Line(EggTart, 2));

    [Fact]
    public async Task the_highest_tier_reached_by_the_items_alone_comes_off_first_and_a_coupon_counts_its_threshold_after_it()
    {
        const int customer = 1;
        var client = app.Client(TestTokens.Customer(customer));

        // ¥27 of dishes: with packaging and delivery the bill passes ¥30, but only dishes count.
        var below = await QuoteAsync(client, Cart(customer, Line(ColdBeef, 1), Line(Tea, 1), Line(BraisedEgg, 2)));
        (Fen(below, "shopDiscountFen"), Fen(below, "totalFen")).ShouldBe((0L, 2700 + PackagingFeeFen + DeliveryFeeFen));

        var atThirty = await QuoteAsync(client, Cart(customer, Line(ColdBeef, 2)));
        var line = atThirty["shopDiscounts"]!.AsArray().Single()!;
        (line["kind"]!.GetValue<string>(), line["label"]!.GetValue<string>(), Fen(line, "amountFen")).ShouldBe(("fullReduction", "满30减5", 500L));
        Fen(atThirty, "totalFen").ShouldBe(3000 + PackagingFeeFen + DeliveryFeeFen - 500);

        var fortyNine = await QuoteAsync(client, Cart(customer, Line(ColdBeef, 3), Line(BraisedEgg, 2)));
        Fen(fortyNine, "shopDiscountFen").ShouldBe(500, "¥49 is still the ¥30 tier");
        var fifty = await QuoteAsync(client, Cart(customer, Line(ColdBeef, 3), Line(Soda, 1)));
        fifty["shopDiscounts"]![0]!["label"]!.GetValue<string>().ShouldBe("满50减12");
        Fen(fifty, "shopDiscountFen").ShouldBe(1200);

        // A 满30减6 coupon: ¥30 of dishes is ¥25 after 满减, below it; ¥50 is ¥38, above it.
        var coupon = await app.IssueCouponAsync(customer, amountFen: 600, minSpendFen: 3000);
        var refused = await client.PostAsJsonAsync("/api/carts/quote", new
        {
            merchantId = Shop, addressId = DemoCampus.Id($"address:{customer}"), lines = new[] { Line(ColdBeef, 2) }, couponId = coupon,
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(refused))["field"]!.GetValue<string>().ShouldBe("couponId");

        var withCoupon = new
        {
            merchantId = Shop, addressId = DemoCampus.Id($"address:{customer}"), lines = new[] { Line(ColdBeef, 3), Line(Soda, 1) }, couponId = coupon,
        };
        var quoted = await QuoteAsync(client, withCoupon);
        (Fen(quoted, "shopDiscountFen"), Fen(quoted, "discountFen")).ShouldBe((1200L, 600L));
        var order = await PlacedAsync(client, withCoupon);
        Fen(order, "totalFen").ShouldBe(5000 + PackagingFeeFen + DeliveryFeeFen - 1200 - 600);
        Fen(order, "totalFen").ShouldBe(Fen(quoted, "totalFen"));
        (Fen(order, "shopDiscountFen"), Fen(order, "discountFen")).ShouldBe((1200L, 600L));
        order["shopDiscounts"]![0]!["label"]!.GetValue<string>().ShouldBe("满50减12");
    }

    [Fact]
    public async Task the_rule_in_force_at_placement_stays_with_the_order_and_a_switched_off_rule_takes_nothing_off()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        var placed = await PlacedAsync(client, Cart(customer, Line(ColdBeef, 2)));
        try
        {
            (await PutPromotionsAsync(NoodleShop, new { fullReductionOn = false, tiers = new[] { new { thresholdFen = 3000, discountFen = 500 } }, newCustomerOn = false, newCustomerFen = 0 }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            var off = await QuoteAsync(client, Cart(customer, Line(ColdBeef, 2)));
            (Fen(off, "shopDiscountFen"), Fen(off, "totalFen")).ShouldBe((0L, 3000 + PackagingFeeFen + DeliveryFeeFen));
            var kept = await JsonOf(await app.Staff().GetAsync($"/api/merchants/{Shop}/promotions"));
            kept["tiers"]!.AsArray().Count.ShouldBe(1, "switching off keeps the tiers for next time");

            (await PutPromotionsAsync(NoodleShop, new { fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 800 } }, newCustomerOn = false, newCustomerFen = 0 }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            Fen(await QuoteAsync(client, Cart(customer, Line(ColdBeef, 2))), "shopDiscountFen").ShouldBe(800);

            var again = await app.CustomerViewAsyncOf(IdOf(placed), customer);
            (Fen(again, "shopDiscountFen"), Fen(again, "totalFen")).ShouldBe((500L, 3000 + PackagingFeeFen + DeliveryFeeFen - 500));
            again["shopDiscounts"]![0]!["label"]!.GetValue<string>().ShouldBe("满30减5");
        }
        finally
        {
            (await PutPromotionsAsync(NoodleShop, Seeded)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task a_new_customer_gets_新客立减_until_an_order_stands_and_again_after_one_cancelled_before_acceptance()
    {
        const int customer = 4;
        var client = app.Client(TestTokens.Customer(customer));
        var first = await QuoteAsync(client, TeaCart(customer));
        var line = first["shopDiscounts"]!.AsArray().Single()!;
        (line["kind"]!.GetValue<string>(), Fen(line, "amountFen")).ShouldBe(("newCustomer", 300L));
        Fen(first, "totalFen").ShouldBe(1800 + Fen(first, "packagingFeeFen") + Fen(first, "deliveryFeeFen") - 300);

        var unpaid = await PlacedAsync(client, TeaCart(customer));
        Kinds(unpaid).ShouldBe(["newCustomer"]);
        Kinds(await QuoteAsync(client, TeaCart(customer))).ShouldBeEmpty("the unpaid order still stands");
        (await client.PostAsJsonAsync($"/api/orders/{IdOf(unpaid)}/cancel", new { reason = "选错了" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Kinds(await QuoteAsync(client, TeaCart(customer))).ShouldBe(["newCustomer"], "cancelled before the shop accepted it");

        var paid = await PlacedAsync(client, TeaCart(customer));
        Kinds(paid).ShouldBe(["newCustomer"], "the claim of the cancelled order is taken over");
        await app.PayAsync(paid);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(IdOf(paid), customer) == "AwaitingAcceptance", "the order is paid");
        var after = await QuoteAsync(client, TeaCart(customer));
        Kinds(after).ShouldBeEmpty("a paid order ends 新客");
        Fen(after, "totalFen").ShouldBe(Fen(first, "totalFen") + 300);
        Kinds(await QuoteAsync(client, Cart(customer, Line(ColdBeef, 1)))).ShouldBeEmpty("the noodle shop has no 新客立减");
    }

    [Fact]
    public async Task parallel_first_orders_of_one_customer_give_新客立减_to_exactly_one()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));
        var before = await app.OrderCountAsync(customer);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PlaceAsync(client, TeaCart(customer), Guid.NewGuid().ToString())));

        var placed = new List<JsonNode>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                placed.Add(await JsonOf(response));
                continue;
            }

            // Lost the race after pricing: told to look at the price again, naming the discount.
            await response.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "newCustomer");
        }

        var winner = placed.Where(o => Kinds(o).Contains("newCustomer")).ShouldHaveSingleItem();
        placed.Where(o => o != winner).ShouldAllBe(
            o => Fen(o, "totalFen") == Fen(winner, "totalFen") + 300, "a later order priced after the first was placed pays in full");
        (await app.OrderCountAsync(customer)).ShouldBe(before + placed.Count, "a refused placement left no order behind");
    }

    [Fact]
    public async Task a_refund_of_a_discounted_order_returns_what_was_paid_and_never_the_shop_discount()
    {
        const int customer = 3;

        // 凉拌牛肉 ×2 and 卤蛋 ×2, ¥34 of dishes: 满30减5, paid ¥34 − ¥5 + ¥1 + ¥3.
        var id = await app.PaidAndDeliveredAsync(customer, Cart(customer, Line(ColdBeef, 2), Line(BraisedEgg, 2)));
        var order = await app.CustomerViewAsyncOf(id, customer);
        var (items, shop, total) = (Fen(order, "itemsTotalFen"), Fen(order, "shopDiscountFen"), Fen(order, "totalFen"));
        (items, shop, total).ShouldBe((3400L, 500L, 3400 - 500 + PackagingFeeFen + DeliveryFeeFen));

        var part = await app.RequestedAsync(customer, id, RefundKit.Lines("missing", (0, 1)));
        Fen(part, "amountFen").ShouldBe(1500 * (items - shop) / items, "one 凉拌牛肉 less its share of 满减");
        var income = items - shop + PackagingFeeFen;
        (await MerchantIncomeAsync(id)).ShouldBe(income, "the shop pays its 满减; the delivery fee is not the shop's");
        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{part["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "the part is refunded");
        (await MerchantIncomeAsync(id)).ShouldBe(income - 1500 * (items - shop) / items);

        var rest = await app.RequestedAsync(customer, id, RefundKit.Whole());
        Fen(rest, "amountFen").ShouldBe(total - Fen(part, "amountFen"));
        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{rest["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "the rest is refunded");
        Fen(await app.RefundOfAsync(id, customer), "refundedFen").ShouldBe(total, "what was paid, not the menu price");
        (await MerchantIncomeAsync(id)).ShouldBe(0);
    }

    private async Task<long> MerchantIncomeAsync(Guid orderId)
    {
        var board = JsonNode.Parse(await app.Staff().GetStringAsync("/api/merchant/orders"))!.AsArray();
        return Fen(board.Single(o => o!["id"]!.GetValue<Guid>() == orderId)!, "merchantIncomeFen");
    }

    [Fact]
    public async Task bad_rules_are_refused_by_field_and_change_nothing_and_only_the_shops_own_staff_reach_them()
    {
        var before = await PromotionsAsync();
        (object Body, string Field)[] bad =
        [
            (new { fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 500 }, new { thresholdFen = 3000, discountFen = 800 } } }, "tiers[1].thresholdFen"),
            (new { fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 500 }, new { thresholdFen = 5000, discountFen = 500 } } }, "tiers[1].discountFen"),
            (new { fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 3000 } } }, "tiers[0].discountFen"),
            (new { fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 0 } } }, "tiers[0].discountFen"),
            (new { fullReductionOn = true, tiers = Enumerable.Range(1, 6).Select(i => new { thresholdFen = i * 1000, discountFen = i * 100 }).ToArray() }, "tiers"),
            (new { fullReductionOn = true, tiers = Array.Empty<object>() }, "tiers"),
            (new { fullReductionOn = false, tiers = Array.Empty<object>(), newCustomerOn = true, newCustomerFen = 0 }, "newCustomerFen"),
            (new { fullReductionOn = false, tiers = Array.Empty<object>(), newCustomerOn = true, newCustomerFen = 9_000 }, "newCustomerFen"),
        ];
        foreach (var (body, field) in bad)
        {
            await (await PutPromotionsAsync(NoodleShop, body)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, field);
        }

        (await PromotionsAsync()).ShouldBe(before);

        // Another shop's staff: the shop does not exist for them, to read or to change. A customer is no staff at all.
        (await PutPromotionsAsync(merchant: 2, Seeded)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Staff(2).GetAsync($"/api/merchants/{Shop}/promotions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(TestTokens.Customer(1)).PutAsJsonAsync($"/api/merchants/{Shop}/promotions", Seeded)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PromotionsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task shop_cards_and_the_shop_page_carry_the_promotions_in_force()
    {
        var cards = (await app.Client().GetFromJsonAsync<JsonArray>($"/api/zones/{DemoCampus.ZoneId(1)}/merchants"))!;
        var noodles = cards.Single(c => c!["id"]!.GetValue<Guid>() == Shop)!["promotions"]!;
        noodles["fullReduction"]!.AsArray().Select(t => (Fen(t!, "thresholdFen"), Fen(t!, "discountFen"))).ShouldBe([(3000L, 500L), (5000L, 1200L)]);
        Fen(noodles, "newCustomerFen").ShouldBe(0);
        var tea = cards.Single(c => c!["id"]!.GetValue<Guid>() == DemoCampus.MerchantId(TeaShop))!["promotions"]!;
        (tea["fullReduction"]!.AsArray().Count, Fen(tea, "newCustomerFen")).ShouldBe((0, 300L));
        var noneAt4 = cards.Single(c => c!["id"]!.GetValue<Guid>() == DemoCampus.MerchantId(4))!["promotions"]!;
        (noneAt4["fullReduction"]!.AsArray().Count, Fen(noneAt4, "newCustomerFen")).ShouldBe((0, 0L));

        var header = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/merchants/{Shop}/menu"))!["merchant"]!["promotions"]!;
        header["fullReduction"]!.AsArray().Count.ShouldBe(2);
    }
}

public sealed class ShopPromotionsOnSqlite(PromotionsSqliteApp app) : ShopPromotionTests(app), IClassFixture<PromotionsSqliteApp>;

public sealed class ShopPromotionsOnPostgres(PromotionsPostgresApp app) : ShopPromotionTests(app), IClassFixture<PromotionsPostgresApp>;
