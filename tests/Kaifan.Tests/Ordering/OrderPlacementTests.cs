using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>Placing and quoting against the seeded menus at lunchtime; each test has its own customer or restores what it changed.</summary>
public abstract class OrderPlacementTests(LunchtimeApp app)
{
    [Fact]
    public async Task an_order_is_priced_on_the_server_and_its_customer_sees_it_awaiting_payment()
    {
        var client = app.Client(TestTokens.Customer(1));
        var (thin, mild, large, egg) = (Choice(LanzhouNoodles, 0, 1), Choice(LanzhouNoodles, 1, 1), Choice(LanzhouNoodles, 2, 1), Choice(LanzhouNoodles, 3, 0));
        var body = new
        {
            merchantId = Shop,
            addressId = DemoCampus.Id("address:1"),
            lines = new object[]
            {
                new { itemId = LanzhouNoodles, quantity = 2, optionIds = new[] { thin, mild, large, egg }, unitPriceFen = 1, lineTotalFen = 2 },
                new { itemId = Tea, quantity = 1, optionIds = Array.Empty<Guid>(), unitPriceFen = 1 },
            },
            totalFen = 3,
            note = "少放辣",
            cutleryCount = 1,
        };

        var order = await PlacedAsync(client, body);

        // ¥16 noodles + ¥3 大份 + ¥2 加蛋, twice, and an ¥8 tea: what the menu says, not what the client claimed.
        order["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        order["statusText"]!.GetValue<string>().ShouldBe("待付款");
        order["merchantName"]!.GetValue<string>().ShouldBe("老马家兰州牛肉拉面");
        order["number"]!.GetValue<string>().ShouldMatch(@"^\d{14}$");
        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(2100);
        order["lines"]![0]!["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ShouldBe(["细", "微辣", "大份", "加蛋"]);
        order["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * 2100 + 800);
        order["packagingFeeFen"]!.GetValue<long>().ShouldBe(PackagingFeeFen);
        order["deliveryFeeFen"]!.GetValue<long>().ShouldBe(DeliveryFeeFen);
        order["totalFen"]!.GetValue<long>().ShouldBe(5000 + 100 + 300);
        order["totalCalories"]!.GetValue<int>().ShouldBe(2 * (620 + 250 + 70) + 90);
        order["address"]!["detail"]!.GetValue<string>().ShouldStartWith("开饭大学");
        order["address"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(1));

        var read = await JsonOf(await client.GetAsync($"/api/orders/{IdOf(order)}"));
        read["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        read["timeline"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()).ShouldBe(["placed", "paid", "accepted", "ready", "rider_assigned", "arrived", "picked_up", "delivered"]);
        read["timeline"]![1]!["at"].ShouldBeNull();

        var mine = await JsonOf(await client.GetAsync("/api/orders"));
        var row = mine.AsArray().Single(o => IdOf(o!) == IdOf(order))!;
        row["summary"]!.GetValue<string>().ShouldBe("兰州牛肉拉面 等3件商品");
        row["canPay"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_quote_prices_the_cart_and_lists_what_cannot_be_had()
    {
        var client = app.Client(TestTokens.Customer(1));
        var response = await client.PostAsJsonAsync("/api/carts/quote", Cart(1, Line(BeefRice, 1, BeefRiceNotSpicy), Line(Guid.NewGuid(), 1)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = await JsonOf(response);
        quote["itemsTotalFen"]!.GetValue<long>().ShouldBe(1900);
        quote["unavailable"]![0]!["reason"]!.GetValue<string>().ShouldBe("removed");
        quote["canPlace"]!.GetValue<bool>().ShouldBeFalse();

        var missingChoice = await client.PostAsJsonAsync("/api/carts/quote", Cart(1, Line(BeefRice, 1)));
        missingChoice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(missingChoice))["field"]!.GetValue<string>().ShouldBe("lines[0].optionIds");
    }

    [Fact]
    public async Task twenty_parallel_placements_with_one_key_create_exactly_one_order()
    {
        var client = app.Client(TestTokens.Customer(2));
        var before = await app.OrderCountAsync(2);
        var key = Guid.NewGuid().ToString();
        var logged = app.Errors.Entries.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PlaceAsync(client, BeefRiceAndTea(2), key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Count().ShouldBe(1);
        bodies.Select(b => IdOf(JsonNode.Parse(b)!)).Distinct().Count().ShouldBe(1);
        (await app.OrderCountAsync(2)).ShouldBe(before + 1);
        app.Errors.Entries.Skip(logged).ShouldNotContain(
            e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal), "the requests that lost the race on the key were answered, not failed");
    }

    [Fact]
    public async Task a_retried_placement_replays_the_first_answer_without_logging_a_database_error()
    {
        var client = app.Client(TestTokens.Customer(2));
        var key = Guid.NewGuid().ToString();
        var first = await PlaceAsync(client, BeefRiceAndTea(2), key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var logged = app.Errors.Entries.Count;

        var again = await PlaceAsync(client, BeefRiceAndTea(2), key);

        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        IdOf(await JsonOf(again)).ShouldBe(IdOf(await JsonOf(first)));
        app.Errors.Entries.Skip(logged).ShouldNotContain(
            e => e.Message.Contains("ordering_idempotency_records"), "a retry (a double tap) is expected, not a failure to log");
    }

    [Fact]
    public async Task a_key_reused_for_another_body_is_refused_and_a_missing_key_is_a_bad_request()
    {
        var client = app.Client(TestTokens.Customer(3));
        var key = Guid.NewGuid().ToString();
        (await PlaceAsync(client, BeefRiceAndTea(3), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await app.OrderCountAsync(3);

        var other = await PlaceAsync(client, Cart(3, Line(Tea, 3)), key);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(other))["field"]!.GetValue<string>().ShouldBe("Idempotency-Key");

        var missing = await PlaceAsync(client, BeefRiceAndTea(3));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(missing))["errors"]!["Idempotency-Key"].ShouldNotBeNull();
        (await app.OrderCountAsync(3)).ShouldBe(before);
    }

    [Fact]
    public async Task malformed_json_a_negative_quantity_and_a_huge_note_are_bad_requests_naming_the_field_and_create_nothing()
    {
        var client = app.Client(TestTokens.Customer(4));
        var before = await app.OrderCountAsync(4);

        var malformed = await PlaceAsync(client, "{\"merchantId\": \"" + Shop + "\", \"lines\": [{\"quantity\": \"two\"}]}", Guid.NewGuid().ToString());
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(malformed))["errors"]!.AsObject().Select(e => e.Key).ShouldContain(k => k.Contains("quantity"));

        var negative = await PlaceAsync(client, Cart(4, Line(Tea, -1)), Guid.NewGuid().ToString());
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(negative))["errors"]!["lines[0].quantity"].ShouldNotBeNull();

        var hugeNote = new { merchantId = Shop, addressId = DemoCampus.Id("address:4"), lines = new[] { Line(Tea, 2) }, note = new string('辣', 201) };
        var huge = await PlaceAsync(client, hugeNote, Guid.NewGuid().ToString());
        huge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(huge))["errors"]!["note"].ShouldNotBeNull();

        (await app.OrderCountAsync(4)).ShouldBe(before);
    }

    [Fact]
    public async Task a_shop_closed_for_the_night_or_paused_by_its_staff_refuses_orders_naming_merchantId()
    {
        var client = app.Client(TestTokens.Customer(5));
        var before = await app.OrderCountAsync(5);

        // Six ¥5 烤馒头片 meet the barbecue's ¥30 minimum; only its 17:00 opening stands in the way at noon.
        var night = await PlaceAsync(client, CartAt(DemoCampus.MerchantId(NightShop), 5, Line(Dish(8, NightShop), 6)), Guid.NewGuid().ToString());
        night.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(night))["field"]!.GetValue<string>().ShouldBe("merchantId");

        // 沙县小吃 is open at noon until its staff switch it to 休息中.
        const int snackShop = 4;
        var dumplings = CartAt(DemoCampus.MerchantId(snackShop), 5, Line(Dish(1, snackShop), 2));
        await app.SetPausedAsync(snackShop, paused: true);
        try
        {
            var paused = await PlaceAsync(client, dumplings, Guid.NewGuid().ToString());
            paused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await JsonOf(paused))["field"]!.GetValue<string>().ShouldBe("merchantId");
            (await app.OrderCountAsync(5)).ShouldBe(before);
        }
        finally
        {
            await app.SetPausedAsync(snackShop, paused: false);
        }

        await PlacedAsync(client, dumplings);
        (await app.OrderCountAsync(5)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task an_address_of_another_customer_is_not_found_naming_addressId()
    {
        var client = app.Client(TestTokens.Customer(1));
        var before = await app.OrderCountAsync(1);

        var notMine = await PlaceAsync(client, new { merchantId = Shop, addressId = DemoCampus.Id("address:2"), lines = new[] { Line(ColdBeef, 1) } }, Guid.NewGuid().ToString());

        notMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(notMine))["field"]!.GetValue<string>().ShouldBe("addressId");
        (await app.OrderCountAsync(1)).ShouldBe(before);
    }

    [Fact]
    public async Task a_cart_below_the_minimum_order_is_refused_naming_lines()
    {
        var client = app.Client(TestTokens.Customer(1));
        var before = await app.OrderCountAsync(1);

        var small = await PlaceAsync(client, Cart(1, Line(BraisedEgg, 1)), Guid.NewGuid().ToString());

        small.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(small))["field"]!.GetValue<string>().ShouldBe("lines");
        (await app.OrderCountAsync(1)).ShouldBe(before);
        (await PlacedAsync(client, Cart(1, Line(ColdBeef, 1))))["itemsTotalFen"]!.GetValue<long>().ShouldBe(MinimumOrderFen);
    }

    [Fact]
    public async Task payments_read_the_amount_and_whether_the_order_still_awaits_payment()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), BeefRiceAndTea(2));
        using var scope = app.Services.CreateScope();
        var terms = await scope.ServiceProvider.GetRequiredService<IOrderPaymentTerms>().GetAsync(IdOf(order), CancellationToken.None);
        terms.ShouldNotBeNull();
        (terms.AmountFen, terms.AwaitingPayment, terms.CustomerId).ShouldBe((order["totalFen"]!.GetValue<long>(), true, DemoCampus.CustomerId(2)));
        (await scope.ServiceProvider.GetRequiredService<IOrderPaymentTerms>().GetAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();
    }
}

public sealed class OrderPlacementOnSqlite(LunchtimeSqliteApp app) : OrderPlacementTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OrderPlacementOnPostgres(LunchtimePostgresApp app) : OrderPlacementTests(app), IClassFixture<LunchtimePostgresApp>;
