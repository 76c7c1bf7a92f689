using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering.Payments;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingTests;

namespace Kaifan.Tests.Ordering;

/// <summary>Ordering against the real Catalog module and its seeded 老马家兰州牛肉拉面 (merchant 1), changed only through the merchant API.</summary>
public abstract class OrderingWithCatalogTests(LunchtimeApp app)
{
    private static readonly Guid Shop = DemoCampus.MerchantId(1);

    private HttpClient Staff => app.Client(TestTokens.MerchantStaff(1));

    private async Task<JsonNode> ItemAsync(string name)
    {
        var menu = await Staff.GetFromJsonAsync<JsonObject>($"/api/merchants/{Shop}/manage/menu");
        return menu!["categories"]!.AsArray().SelectMany(c => c!["items"]!.AsArray()).Single(i => i!["name"]!.GetValue<string>() == name)!;
    }

    private async Task<Guid> ItemIdAsync(string name) => (await ItemAsync(name))["id"]!.GetValue<Guid>();

    private async Task<int?> StockAsync(Guid itemId)
    {
        var menu = await Staff.GetFromJsonAsync<JsonObject>($"/api/merchants/{Shop}/manage/menu");
        var item = menu!["categories"]!.AsArray().SelectMany(c => c!["items"]!.AsArray()).Single(i => i!["id"]!.GetValue<Guid>() == itemId)!;
        return item["stock"]?.GetValue<int>();
    }

    private static object Order(int customer, params object[] lines) => new { merchantId = Shop, addressId = DemoCampus.Id($"address:{customer}"), lines };

    [Fact]
    public async Task customer_one_orders_a_seeded_dish_at_lunchtime_at_the_menu_price_whatever_the_client_claims()
    {
        var rice = await ItemAsync("牛肉盖浇饭");
        var mild = rice["optionGroups"]![0]!["options"]![1]!["id"]!.GetValue<Guid>();
        var body = new
        {
            merchantId = Shop,
            addressId = DemoCampus.Id("address:1"),
            lines = new[] { new { itemId = rice["id"]!.GetValue<Guid>(), quantity = 1, optionIds = new[] { mild }, unitPriceFen = 1 } },
            totalFen = 1,
        };

        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), body);

        order["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        order["merchantName"]!.GetValue<string>().ShouldBe("老马家兰州牛肉拉面");
        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(rice["priceFen"]!.GetValue<long>());
        order["totalFen"]!.GetValue<long>().ShouldBeGreaterThan(rice["priceFen"]!.GetValue<long>());
        var seen = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonObject>($"/api/orders/{order["id"]}");
        seen!["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
    }

    [Fact]
    public async Task fifty_parallel_orders_for_ten_in_stock_sell_exactly_ten_and_stock_never_goes_negative()
    {
        var beef = await ItemIdAsync("凉拌牛肉");
        (await Staff.PutAsJsonAsync($"/api/merchants/{Shop}/items/{beef}/stock", new { stock = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var customer = i % 5 + 1;
            return PlaceAsync(app.Client(TestTokens.Customer(customer)), Order(customer, Line(beef, 1)), Guid.NewGuid().ToString());
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(40);
        (await StockAsync(beef)).ShouldBe(0);
    }

    [Fact]
    public async Task an_unpaid_order_cancelled_at_its_deadline_puts_its_stock_back()
    {
        var egg = await ItemIdAsync("卤蛋");
        await Staff.PutAsJsonAsync($"/api/merchants/{Shop}/items/{egg}/stock", new { stock = 20 });
        var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), Order(2, Line(egg, 8)));
        (await StockAsync(egg)).ShouldBe(12);

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PaymentDeadlineReached(order["id"]!.GetValue<Guid>()));

        var seen = await app.Client(TestTokens.Customer(2)).GetFromJsonAsync<JsonObject>($"/api/orders/{order["id"]}");
        seen!["status"]!.GetValue<string>().ShouldBe("Cancelled");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await StockAsync(egg) != 20 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        (await StockAsync(egg)).ShouldBe(20);
    }

    [Fact]
    public async Task a_reorder_lists_an_unlisted_dish_as_unavailable_and_prices_the_rest_at_todays_price()
    {
        var tea = await ItemAsync("八宝盖碗茶");
        var teaId = tea["id"]!.GetValue<Guid>();
        var soda = await ItemIdAsync("冰峰橙味汽水");
        var client = app.Client(TestTokens.Customer(3));
        var past = await PlacedAsync(client, Order(3, Line(teaId, 2), Line(soda, 1)));

        (await Staff.PutAsJsonAsync($"/api/merchants/{Shop}/items/{soda}/listing", new { listed = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = new { categoryId = tea["categoryId"]!.GetValue<Guid>(), name = "八宝盖碗茶", description = tea["description"]!.GetValue<string>(), priceFen = 900, calories = tea["calories"]!.GetValue<int>(), optionGroups = Array.Empty<object>() };
        (await Staff.PutAsJsonAsync($"/api/merchants/{Shop}/items/{teaId}", edit)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var quote = await client.GetFromJsonAsync<JsonObject>($"/api/orders/{past["id"]}/reorder");
        var unavailable = quote!["unavailable"]!.AsArray().Single()!;
        (unavailable["itemId"]!.GetValue<Guid>(), unavailable["name"]!.GetValue<string>(), unavailable["reason"]!.GetValue<string>()).ShouldBe((soda, "冰峰橙味汽水", "unlisted"));
        quote["quote"]!["lines"]!.AsArray().Single()!["unitPriceFen"]!.GetValue<long>().ShouldBe(900);

        var placed = await PlaceAsync(client, new { }, Guid.NewGuid().ToString(), $"/api/orders/{past["id"]}/reorder");
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var result = await JsonOf(placed);
        result["order"]!["itemsTotalFen"]!.GetValue<long>().ShouldBe(1800);
        result["unavailable"]!.AsArray().Count.ShouldBe(1);
    }
}

public sealed class OrderingWithCatalogOnSqlite(LunchtimeSqliteApp app) : OrderingWithCatalogTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OrderingWithCatalogOnPostgres(LunchtimePostgresApp app) : OrderingWithCatalogTests(app), IClassFixture<LunchtimePostgresApp>;
