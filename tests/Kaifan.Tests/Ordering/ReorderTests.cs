using System.Net;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>再来一单 after the shop changed its menu through the merchant console; each test puts the menu back.</summary>
public abstract class ReorderTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_reorder_lists_what_was_unlisted_and_places_the_rest_at_todays_price()
    {
        var client = app.Client(TestTokens.Customer(5));
        var past = await PlacedAsync(client, Cart(5, Line(Tea, 2), Line(Soda, 1)));
        await app.SetListedAsync(Soda, listed: false);
        await app.SetPriceAsync(Tea, 900);
        try
        {
            var quote = await JsonOf(await client.GetAsync($"/api/orders/{IdOf(past)}/reorder"));
            var unavailable = quote["unavailable"]!.AsArray().Single()!;
            (unavailable["itemId"]!.GetValue<Guid>(), unavailable["name"]!.GetValue<string>(), unavailable["reason"]!.GetValue<string>())
                .ShouldBe((Soda, "冰峰橙味汽水", "unlisted"));
            quote["quote"]!["lines"]!.AsArray().Single()!["unitPriceFen"]!.GetValue<long>().ShouldBe(900);
            quote["quote"]!["itemsTotalFen"]!.GetValue<long>().ShouldBe(1800);
            quote["placeRequest"]!["lines"]!.AsArray().Count.ShouldBe(1);

            (await PlaceAsync(client, new { }, null, $"/api/orders/{IdOf(past)}/reorder")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var key = Guid.NewGuid().ToString();
            var placed = await PlaceAsync(client, new { }, key, $"/api/orders/{IdOf(past)}/reorder");
            placed.StatusCode.ShouldBe(HttpStatusCode.Created);
            var result = await JsonOf(placed);
            result["order"]!["lines"]!.AsArray().Single()!["unitPriceFen"]!.GetValue<long>().ShouldBe(900);
            result["order"]!["itemsTotalFen"]!.GetValue<long>().ShouldBe(1800);
            result["unavailable"]!.AsArray().Single()!["reason"]!.GetValue<string>().ShouldBe("unlisted");

            var again = await JsonOf(await PlaceAsync(client, new { }, key, $"/api/orders/{IdOf(past)}/reorder"));
            IdOf(again["order"]!).ShouldBe(IdOf(result["order"]!));
        }
        finally
        {
            await app.SetListedAsync(Soda, listed: true);
            await app.SetPriceAsync(Tea, 800);
        }
    }

    [Fact]
    public async Task a_reorder_names_a_sold_out_dish_as_sold_out_and_is_refused_when_nothing_is_left()
    {
        var client = app.Client(TestTokens.Customer(4));
        var withRice = await PlacedAsync(client, Cart(4, Line(ColdBeef, 1), Line(BeefRice, 1, BeefRiceMild)));
        var beefOnly = await PlacedAsync(client, Cart(4, Line(ColdBeef, 1)));
        await app.SetStockAsync(ColdBeef, 0);
        try
        {
            var quote = await JsonOf(await client.GetAsync($"/api/orders/{IdOf(withRice)}/reorder"));
            var unavailable = quote["unavailable"]!.AsArray().Single()!;
            (unavailable["itemId"]!.GetValue<Guid>(), unavailable["name"]!.GetValue<string>(), unavailable["reason"]!.GetValue<string>())
                .ShouldBe((ColdBeef, "凉拌牛肉", "sold_out"));

            var before = await app.OrderCountAsync(4);
            var nothing = await PlaceAsync(client, new { }, Guid.NewGuid().ToString(), $"/api/orders/{IdOf(beefOnly)}/reorder");
            nothing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await JsonOf(nothing))["field"]!.GetValue<string>().ShouldBe("lines");
            (await app.OrderCountAsync(4)).ShouldBe(before);

            var placed = await PlaceAsync(client, new { }, Guid.NewGuid().ToString(), $"/api/orders/{IdOf(withRice)}/reorder");
            placed.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await JsonOf(placed))["order"]!["lines"]!.AsArray().Single()!["itemId"]!.GetValue<Guid>().ShouldBe(BeefRice);
        }
        finally
        {
            await app.SetStockAsync(ColdBeef, null);
        }
    }
}

public sealed class ReorderOnSqlite(LunchtimeSqliteApp app) : ReorderTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ReorderOnPostgres(LunchtimePostgresApp app) : ReorderTests(app), IClassFixture<LunchtimePostgresApp>;
