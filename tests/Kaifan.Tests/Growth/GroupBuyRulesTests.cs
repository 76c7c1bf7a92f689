using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using static Kaifan.Tests.Growth.GroupBuyKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 拼团's rules: a group never takes more members than its size (six racing for the last seat, one wins, the others are
/// charged nothing), the group price comes from the deal whatever the client sends, and deals are checked field by field.
/// </summary>
public abstract class GroupBuyRulesTests(KaifanApp app)
{
    private readonly GroupBuyKit kit = new(app);

    [Fact]
    public async Task six_customers_racing_for_the_last_seat_leave_exactly_one_in_the_group_and_the_others_with_nothing_to_pay()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3);
        var leader = await kit.NewShopperAsync();
        var groupId = GroupOf(await PlacedAsync(OpenAsync(leader, dealId)));
        await PlacedAsync(JoinAsync(await kit.NewShopperAsync(), groupId));
        var racers = new List<Shopper>();
        for (var i = 0; i < 6; i++)
        {
            racers.Add(await kit.NewShopperAsync());
        }

        var answers = await Task.WhenAll(racers.Select(r => JoinAsync(r, groupId)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", answers.Select(a => a.StatusCode)));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await Refusals.ShouldBeRefusedAsync(refused, HttpStatusCode.Conflict, "groupId");
        }

        for (var i = 0; i < racers.Count; i++)
        {
            var orders = (await racers[i].Client.GetFromJsonAsync<JsonArray>("/api/orders"))!;
            orders.Count.ShouldBe(answers[i].StatusCode == HttpStatusCode.Created ? 1 : 0, "a refused racer has no order to pay");
        }

        var group = await GroupAsync(leader, groupId);
        group["taken"]!.GetValue<int>().ShouldBe(3);
        group["seats"]!.AsArray().Count.ShouldBe(3);
        group["canJoin"]!.GetValue<bool>().ShouldBeFalse();
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(await kit.NewShopperAsync(), groupId), HttpStatusCode.Conflict, "groupId");
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(leader, groupId), HttpStatusCode.Conflict, "groupId");
    }

    [Fact]
    public async Task an_unpaid_seat_is_given_back_when_its_payment_deadline_passes_and_someone_else_can_take_it()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2, windowMinutes: 60);
        var leader = await kit.NewShopperAsync();
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        await kit.PayAsync(leader, opened);
        var dawdler = await PlacedAsync(JoinAsync(await kit.NewShopperAsync(), groupId));
        var latecomer = await kit.NewShopperAsync();
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(latecomer, groupId), HttpStatusCode.Conflict, "groupId");

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await app.DeadlineAsync(OrderingKit.IdOf(dawdler));

        await Payments.PaymentProbe.EventuallyAsync(async () => (await GroupAsync(leader, groupId))["taken"]!.GetValue<int>() == 1, "the unpaid seat is free again", seconds: 45);
        var joined = await PlacedAsync(JoinAsync(latecomer, groupId));
        GroupOf(joined).ShouldBe(groupId);
        (await GroupAsync(leader, groupId))["seats"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_group_price_comes_from_the_deal_whatever_the_client_sends_and_only_the_deal_dish_may_be_bought()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2);
        var shopper = await kit.NewShopperAsync();
        var forged = ForgedCart(shopper, dealId);

        var order = await PlacedAsync(OrderingKit.PlaceAsync(shopper.Client, forged, Guid.NewGuid().ToString()));

        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(GroupPriceFen);
        order["itemsTotalFen"]!.GetValue<long>().ShouldBe(GroupPriceFen);
        order["totalFen"]!.GetValue<long>().ShouldBe(GroupPriceFen + OrderingKit.PackagingFeeFen + OrderingKit.DeliveryFeeFen);
        var quote = await shopper.Client.PostAsJsonAsync("/api/carts/quote", GroupCart(shopper, dealId: dealId));
        quote.StatusCode.ShouldBe(HttpStatusCode.OK, await quote.Content.ReadAsStringAsync());
        (await OrderingKit.JsonOf(quote))["itemsTotalFen"]!.GetValue<long>().ShouldBe(GroupPriceFen);

        var other = await kit.NewShopperAsync();
        var twoPortions = new { merchantId = OrderingKit.Shop, addressId = other.AddressId, lines = new[] { OrderingKit.Line(Dish, 2) }, groupDealId = dealId };
        await Refusals.ShouldBeRefusedAsync(await OrderingKit.PlaceAsync(other.Client, twoPortions, Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "lines");
        var otherDish = new { merchantId = OrderingKit.Shop, addressId = other.AddressId, lines = new[] { OrderingKit.Line(OrderingKit.BraisedEgg, 1) }, groupDealId = dealId };
        await Refusals.ShouldBeRefusedAsync(await OrderingKit.PlaceAsync(other.Client, otherDish, Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "lines");
        var unknown = GroupCart(other, dealId: Guid.NewGuid());
        await Refusals.ShouldBeRefusedAsync(await OrderingKit.PlaceAsync(other.Client, unknown, Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "groupDealId");
        var elsewhere = new { merchantId = DemoCampus.MerchantId(2), addressId = other.AddressId, lines = new[] { OrderingKit.Line(Dish, 1) }, groupDealId = dealId };
        await Refusals.ShouldBeRefusedAsync(await OrderingKit.PlaceAsync(other.Client, elsewhere, Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "groupDealId");
        (await other.Client.GetFromJsonAsync<JsonArray>("/api/orders"))!.Count.ShouldBe(0);

        // Without the deal the same dish costs its list price.
        var plain = await OrderingKit.PlacedAsync(other.Client, new { merchantId = OrderingKit.Shop, addressId = other.AddressId, lines = new[] { OrderingKit.Line(Dish, 1) } });
        plain["itemsTotalFen"]!.GetValue<long>().ShouldBe(ListPriceFen);
        plain["groupBuyId"].ShouldBeNull();
    }

    [Fact]
    public async Task deals_are_checked_field_by_field_another_shops_dish_is_not_found_and_a_stopped_deal_opens_no_group()
    {
        var now = app.Clock.GetUtcNow();
        var body = new { itemId = Dish, groupPriceFen = 1000L, groupSize = 3, windowMinutes = 30, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1) };
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/merchant/group-deals", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var (field, bad) in new (string, object)[]
        {
            ("groupSize", body with { groupSize = 6 }),
            ("groupSize", body with { groupSize = 1 }),
            ("windowMinutes", body with { windowMinutes = 5 }),
            ("windowMinutes", body with { windowMinutes = 121 }),
            ("groupPriceFen", body with { groupPriceFen = 0 }),
            ("endsAt", body with { endsAt = now.AddDays(-1) }),
        })
        {
            await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/group-deals", bad), HttpStatusCode.BadRequest, field);
        }

        await Refusals.ShouldBeRefusedAsync(
            await kit.Staff.PostAsJsonAsync("/api/merchant/group-deals", body with { groupPriceFen = ListPriceFen }), HttpStatusCode.UnprocessableEntity, "groupPriceFen");
        var foreignDish = body with { itemId = OrderingKit.Dish(0, merchant: 2) };
        await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/group-deals", foreignDish), HttpStatusCode.NotFound, "itemId");
        var before = (await kit.Staff.GetFromJsonAsync<JsonArray>("/api/merchant/group-deals"))!.Count;

        var created = await kit.Staff.PostAsJsonAsync("/api/merchant/group-deals", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dealId = (await OrderingKit.JsonOf(created))["id"]!.GetValue<Guid>();
        (await kit.Staff.GetFromJsonAsync<JsonArray>("/api/merchant/group-deals"))!.Count.ShouldBe(before + 1);
        var shop = (await app.Client().GetFromJsonAsync<JsonArray>($"/api/merchants/{OrderingKit.Shop}/group-deals"))!;
        shop.ShouldContain(d => d!["id"]!.GetValue<Guid>() == dealId);

        (await app.Staff(merchant: 2).PostAsync($"/api/merchant/group-deals/{dealId}/stop", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stopped = await kit.Staff.PostAsync($"/api/merchant/group-deals/{dealId}/stop", null);
        stopped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OrderingKit.JsonOf(stopped))["status"]!.GetValue<string>().ShouldBe("stopped");
        (await app.Client().GetFromJsonAsync<JsonArray>($"/api/merchants/{OrderingKit.Shop}/group-deals"))!.ShouldNotContain(d => d!["id"]!.GetValue<Guid>() == dealId);
        await Refusals.ShouldBeRefusedAsync(await OpenAsync(await kit.NewShopperAsync(), dealId), HttpStatusCode.UnprocessableEntity, "groupDealId");

        var ops = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/growth/group-deals", new
        {
            merchantId = OrderingKit.Shop, body.itemId, body.groupPriceFen, body.groupSize, body.windowMinutes, body.startsAt, body.endsAt,
        });
        ops.StatusCode.ShouldBe(HttpStatusCode.Created, await ops.Content.ReadAsStringAsync());
        (await OrderingKit.JsonOf(ops))["merchantName"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    /// <summary>A client that sends prices of its own, on the line and for the order, as a tampered app would.</summary>
    private static string ForgedCart(Shopper shopper, Guid dealId) => $$"""
        {"merchantId":"{{OrderingKit.Shop}}","addressId":"{{shopper.AddressId}}","groupDealId":"{{dealId}}",
         "lines":[{"itemId":"{{Dish}}","quantity":1,"unitPriceFen":1,"priceFen":1,"groupPriceFen":1}],
         "groupPriceFen":1,"totalFen":1,"itemsTotalFen":1}
        """;

    [Fact]
    public async Task a_running_deal_puts_its_badge_on_the_shop_card_until_it_is_stopped_beside_the_demo_shops_presale_and_photo_cashback()
    {
        var staff = app.Staff(merchant: 2);
        var created = await staff.PostAsJsonAsync("/api/merchant/group-deals", new
        {
            itemId = OrderingKit.Dish(0, merchant: 2), groupPriceFen = 100, groupSize = 2, windowMinutes = 15,
            startsAt = app.Clock.GetUtcNow().AddMinutes(-1), endsAt = app.Clock.GetUtcNow().AddDays(1),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await BadgesAsync(DemoCampus.MerchantId(2))).ShouldBe(["groupDeal"]);
        // The demo noodle shop's 预售接龙 and 晒图返现 are open to anyone today.
        (await BadgesAsync(OrderingKit.Shop)).ShouldContain("presale");
        (await BadgesAsync(OrderingKit.Shop)).ShouldContain("photoCashback");

        var dealId = (await OrderingKit.JsonOf(created))["id"]!.GetValue<Guid>();
        (await staff.PostAsync($"/api/merchant/group-deals/{dealId}/stop", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BadgesAsync(DemoCampus.MerchantId(2))).ShouldBeEmpty();
    }

    private async Task<List<string>> BadgesAsync(Guid merchantId) =>
        (await app.Client().GetFromJsonAsync<JsonArray>("/api/growth/shop-badges"))!
            .SingleOrDefault(b => b!["merchantId"]!.GetValue<Guid>() == merchantId)?["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ToList() ?? [];
}

public sealed class GroupBuyRulesOnSqlite(LunchtimeSqliteApp app) : GroupBuyRulesTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class GroupBuyRulesOnPostgres(LunchtimePostgresApp app) : GroupBuyRulesTests(app), IClassFixture<LunchtimePostgresApp>;
