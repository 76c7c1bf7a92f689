using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Payments;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Ordering;

public abstract class OrderingTests(OrderingApp app)
{
    private static readonly Guid M1 = FakeCatalog.Merchant1;

    internal static object Line(Guid item, int quantity, params Guid[] options) => new { itemId = item, quantity, optionIds = options };

    internal static object Cart(int customer, params object[] lines) =>
        new { merchantId = M1, addressId = DemoCampus.Id($"address:{customer}"), lines };

    internal static object RiceAndTea(int customer) => Cart(customer, Line(FakeCatalog.Rice, 1, FakeCatalog.Spicy), Line(FakeCatalog.Tea, 1));

    internal static async Task<HttpResponseMessage> PlaceAsync(HttpClient client, object body, string? key = null, string path = "/api/orders")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    internal static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    internal static async Task<JsonNode> PlacedAsync(HttpClient client, object body)
    {
        var response = await PlaceAsync(client, body, Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private async Task<int> OrderCountAsync(int customer) =>
        (await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync("/api/orders"))).AsArray().Count;

    private async Task<string> StatusAsync(Guid orderId, int customer = 1) =>
        (await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}")))["status"]!.GetValue<string>();

    private async Task PayAsync(JsonNode order) =>
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(
            new PaymentSucceeded(Guid.NewGuid(), order["id"]!.GetValue<Guid>(), order["totalFen"]!.GetValue<long>(), "sandbox-1", app.Clock.GetUtcNow()));

    [Fact]
    public async Task an_order_is_priced_on_the_server_and_its_customer_sees_it_awaiting_payment()
    {
        var client = app.Client(TestTokens.Customer(1));
        var body = new
        {
            merchantId = M1,
            addressId = DemoCampus.Id("address:1"),
            lines = new object[]
            {
                new { itemId = FakeCatalog.Rice, quantity = 2, optionIds = new[] { FakeCatalog.Spicy, FakeCatalog.Egg }, unitPriceFen = 1, lineTotalFen = 2 },
                new { itemId = FakeCatalog.Tea, quantity = 1, optionIds = Array.Empty<Guid>(), unitPriceFen = 1 },
            },
            totalFen = 3,
            note = "少放辣",
            cutleryCount = 1,
        };

        var order = await PlacedAsync(client, body);

        order["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        order["statusText"]!.GetValue<string>().ShouldBe("待付款");
        order["number"]!.GetValue<string>().ShouldMatch(@"^\d{14}$");
        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(2000);
        order["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * 2000 + 600);
        order["packagingFeeFen"]!.GetValue<long>().ShouldBe(FakeCatalog.PackagingFeeFen);
        order["deliveryFeeFen"]!.GetValue<long>().ShouldBe(FakeCatalog.BaseDeliveryFeeFen);
        order["totalFen"]!.GetValue<long>().ShouldBe(4600 + 100 + 300);
        order["totalCalories"]!.GetValue<int>().ShouldBe(2 * 735 + 120);
        order["address"]!["detail"]!.GetValue<string>().ShouldStartWith("开饭大学");
        order["address"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(1));

        var id = order["id"]!.GetValue<Guid>();
        var read = await JsonOf(await client.GetAsync($"/api/orders/{id}"));
        read["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        read["timeline"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()).ShouldBe(["placed", "paid", "accepted", "ready"]);
        read["timeline"]![1]!["at"].ShouldBeNull();

        var mine = await JsonOf(await client.GetAsync("/api/orders"));
        var row = mine.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == id)!;
        row["summary"]!.GetValue<string>().ShouldBe("黄焖鸡米饭 等3件商品");
        row["canPay"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_quote_prices_the_cart_and_lists_what_cannot_be_had()
    {
        var client = app.Client(TestTokens.Customer(1));
        var response = await client.PostAsJsonAsync("/api/carts/quote", Cart(1, Line(FakeCatalog.Rice, 1, FakeCatalog.Mild), Line(Guid.NewGuid(), 1)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = await JsonOf(response);
        quote["itemsTotalFen"]!.GetValue<long>().ShouldBe(1800);
        quote["unavailable"]![0]!["reason"]!.GetValue<string>().ShouldBe("removed");
        quote["canPlace"]!.GetValue<bool>().ShouldBeFalse();

        var missingChoice = await client.PostAsJsonAsync("/api/carts/quote", Cart(1, Line(FakeCatalog.Rice, 1)));
        missingChoice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(missingChoice))["field"]!.GetValue<string>().ShouldBe("lines[0].optionIds");
    }

    [Fact]
    public async Task twenty_parallel_placements_with_one_key_create_exactly_one_order()
    {
        var client = app.Client(TestTokens.Customer(2));
        var before = await OrderCountAsync(2);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PlaceAsync(client, RiceAndTea(2), key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Count().ShouldBe(1);
        var ids = bodies.Select(b => JsonNode.Parse(b)!["id"]!.GetValue<Guid>()).ToList();
        ids.Distinct().Count().ShouldBe(1);
        (await OrderCountAsync(2)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task a_key_reused_for_another_body_is_refused_and_a_missing_key_is_a_bad_request()
    {
        var client = app.Client(TestTokens.Customer(3));
        var key = Guid.NewGuid().ToString();
        (await PlaceAsync(client, RiceAndTea(3), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await OrderCountAsync(3);

        var other = await PlaceAsync(client, Cart(3, Line(FakeCatalog.Tea, 3)), key);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(other))["field"]!.GetValue<string>().ShouldBe("Idempotency-Key");

        var missing = await PlaceAsync(client, RiceAndTea(3));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(missing))["errors"]!["Idempotency-Key"].ShouldNotBeNull();
        (await OrderCountAsync(3)).ShouldBe(before);
    }

    [Fact]
    public async Task fifty_parallel_orders_for_ten_in_stock_sell_exactly_ten()
    {
        app.Catalog.SetStock(FakeCatalog.Limited, 10);
        var clients = Enumerable.Range(1, 5).Select(n => (n, client: app.Client(TestTokens.Customer(n)))).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var (n, client) = clients[i % 5];
            return PlaceAsync(client, Cart(n, Line(FakeCatalog.Limited, 1)), Guid.NewGuid().ToString());
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(40);
        app.Catalog.StockOf(FakeCatalog.Limited).ShouldBe(0);
        var conflict = await JsonOf(responses.First(r => r.StatusCode == HttpStatusCode.Conflict));
        conflict["field"]!.GetValue<string>().ShouldBe("lines[0].itemId");
    }

    [Fact]
    public async Task an_unpaid_order_is_cancelled_at_its_payment_deadline_and_not_a_moment_before()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(4)), RiceAndTea(4));
        var id = order["id"]!.GetValue<Guid>();
        var bus = app.Services.GetRequiredService<IMessageBus>();

        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        (await StatusAsync(id, 4)).ShouldBe("AwaitingPayment");

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        var cancelled = await JsonOf(await app.Client(TestTokens.Customer(4)).GetAsync($"/api/orders/{id}"));
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["cancelReason"]!.GetValue<string>().ShouldBe("支付超时");
        cancelled["cancelledBy"]!.GetValue<string>().ShouldBe("System");
        cancelled["refundDue"]!.GetValue<bool>().ShouldBeFalse();

        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        (await StatusAsync(id, 4)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task another_customer_can_neither_read_nor_cancel_someone_elses_order()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), RiceAndTea(1));
        var id = order["id"]!.GetValue<Guid>();
        var stranger = app.Client(TestTokens.Customer(2));

        (await stranger.GetAsync($"/api/orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "hack" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/orders/{id}/reorder")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(id)).ShouldBe("AwaitingPayment");
    }

    [Fact]
    public async Task a_merchant_accepts_and_readies_its_own_paid_orders_in_order_only()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), RiceAndTea(1));
        var id = order["id"]!.GetValue<Guid>();
        var merchant = app.Client(TestTokens.MerchantStaff(1));

        // Unpaid orders are not the merchant's business yet.
        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await PayAsync(order);
        await PayAsync(order);
        (await StatusAsync(id)).ShouldBe("AwaitingAcceptance");

        var other = app.Client(TestTokens.MerchantStaff(2));
        (await other.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await merchant.PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var accepted = await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(accepted))["prepMinutes"]!.GetValue<int>().ShouldBe(12);
        var twice = await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        twice.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "太慢" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await merchant.PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(id)).ShouldBe("Ready");

        var board = await JsonOf(await merchant.GetAsync("/api/merchant/orders?status=Ready"));
        var row = board.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == id)!;
        row["address"]!["phone"]!.GetValue<string>().ShouldBe("138****0001");
        row["address"]!["detail"]!.GetValue<string>().ShouldEndWith("****");
        (await JsonOf(await other.GetAsync("/api/merchant/orders"))).AsArray().ShouldNotContain(o => o!["id"]!.GetValue<Guid>() == id);
        (await merchant.GetAsync("/api/merchant/orders?status=Nope")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_merchant_rejection_needs_a_reason_and_refunds_the_customer()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(5)), RiceAndTea(5));
        var id = order["id"]!.GetValue<Guid>();
        await PayAsync(order);
        var merchant = app.Client(TestTokens.MerchantStaff(1));

        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/reject", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await JsonOf(await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/reject", new { reason = "售罄" }));
        rejected["status"]!.GetValue<string>().ShouldBe("Cancelled");
        rejected["cancelledBy"]!.GetValue<string>().ShouldBe("Merchant");
        rejected["refundDue"]!.GetValue<bool>().ShouldBeTrue();

        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PaymentRefunded(Guid.NewGuid(), id, order["totalFen"]!.GetValue<long>(), app.Clock.GetUtcNow()));
        var seen = await JsonOf(await app.Client(TestTokens.Customer(5)).GetAsync($"/api/orders/{id}"));
        seen["refundedAt"].ShouldNotBeNull();
        seen["timeline"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()).ShouldBe(["placed", "paid", "cancelled", "refunded"]);
    }

    [Fact]
    public async Task a_customer_cancels_before_acceptance_and_is_told_whether_a_refund_is_due()
    {
        var client = app.Client(TestTokens.Customer(3));
        var unpaid = await PlacedAsync(client, RiceAndTea(3));
        var cancelled = await JsonOf(await client.PostAsJsonAsync($"/api/orders/{unpaid["id"]}/cancel", new { reason = "点错了" }));
        (cancelled["status"]!.GetValue<string>(), cancelled["refundDue"]!.GetValue<bool>()).ShouldBe(("Cancelled", false));
        (await client.PostAsJsonAsync($"/api/orders/{unpaid["id"]}/cancel", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var paid = await PlacedAsync(client, RiceAndTea(3));
        await PayAsync(paid);
        var refunded = await JsonOf(await client.PostAsJsonAsync($"/api/orders/{paid["id"]}/cancel", new { reason = "不想要了" }));
        (refunded["status"]!.GetValue<string>(), refunded["refundDue"]!.GetValue<bool>()).ShouldBe(("Cancelled", true));
    }

    [Fact]
    public async Task a_rider_reading_an_order_not_assigned_to_them_gets_not_found()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), RiceAndTea(1));
        (await app.Client(TestTokens.Rider(1)).GetAsync($"/api/rider/orders/{order["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(TestTokens.Customer(1)).GetAsync($"/api/rider/orders/{order["id"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_operator_sees_orders_with_personal_data_masked()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), RiceAndTea(2));
        var all = await JsonOf(await app.Client(TestTokens.Operator()).GetAsync("/api/ops/orders?status=AwaitingPayment"));
        var row = all.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == order["id"]!.GetValue<Guid>())!;
        row["address"]!["phone"]!.GetValue<string>().ShouldBe("138****0002");
        row["address"]!["contactName"]!.GetValue<string>().ShouldContain("*");
    }

    [Fact]
    public async Task malformed_json_a_negative_quantity_and_a_huge_note_are_bad_requests_naming_the_field_and_create_nothing()
    {
        var client = app.Client(TestTokens.Customer(4));
        var before = await OrderCountAsync(4);

        var malformed = await PlaceAsync(client, "{\"merchantId\": \"" + M1 + "\", \"lines\": [{\"quantity\": \"two\"}]}", Guid.NewGuid().ToString());
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(malformed))["errors"]!.AsObject().Select(e => e.Key).ShouldContain(k => k.Contains("quantity"));

        var negative = await PlaceAsync(client, Cart(4, Line(FakeCatalog.Tea, -1)), Guid.NewGuid().ToString());
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(negative))["errors"]!["lines[0].quantity"].ShouldNotBeNull();

        var huge = await PlaceAsync(client, new { merchantId = M1, addressId = DemoCampus.Id("address:4"), lines = new[] { Line(FakeCatalog.Tea, 2) }, note = new string('辣', 201) }, Guid.NewGuid().ToString());
        huge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(huge))["errors"]!["note"].ShouldNotBeNull();

        (await OrderCountAsync(4)).ShouldBe(before);
    }

    [Fact]
    public async Task closed_shops_unknown_addresses_and_small_carts_are_refused_naming_the_field()
    {
        var client = app.Client(TestTokens.Customer(1));
        var notMine = await PlaceAsync(client, new { merchantId = M1, addressId = DemoCampus.Id("address:2"), lines = new[] { Line(FakeCatalog.Noodles, 1) } }, Guid.NewGuid().ToString());
        notMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(notMine))["field"]!.GetValue<string>().ShouldBe("addressId");

        var small = await PlaceAsync(client, Cart(1, Line(FakeCatalog.Tea, 1)), Guid.NewGuid().ToString());
        small.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonOf(small))["field"]!.GetValue<string>().ShouldBe("lines");

        app.Catalog.SetOpen(FakeCatalog.Merchant2, false);
        var closed = await PlaceAsync(client, new { merchantId = FakeCatalog.Merchant2, addressId = DemoCampus.Id("address:1"), lines = new[] { Line(DemoCampus.Id("test-item:burger"), 1) } }, Guid.NewGuid().ToString());
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(closed))["field"]!.GetValue<string>().ShouldBe("merchantId");
    }

    [Fact]
    public async Task a_reorder_lists_what_was_unlisted_and_places_the_rest_at_todays_price()
    {
        var client = app.Client(TestTokens.Customer(5));
        var past = await PlacedAsync(client, Cart(5, Line(FakeCatalog.Noodles, 2), Line(FakeCatalog.Juice, 1)));
        app.Catalog.Unlist(FakeCatalog.Juice);
        app.Catalog.SetPrice(FakeCatalog.Noodles, 2500);

        var quote = await JsonOf(await client.GetAsync($"/api/orders/{past["id"]}/reorder"));
        var unavailable = quote["unavailable"]!.AsArray().Single()!;
        (unavailable["itemId"]!.GetValue<Guid>(), unavailable["name"]!.GetValue<string>(), unavailable["reason"]!.GetValue<string>()).ShouldBe((FakeCatalog.Juice, "橙汁", "unlisted"));
        quote["quote"]!["itemsTotalFen"]!.GetValue<long>().ShouldBe(5000);
        quote["placeRequest"]!["lines"]!.AsArray().Count.ShouldBe(1);

        (await PlaceAsync(client, new { }, null, $"/api/orders/{past["id"]}/reorder")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var key = Guid.NewGuid().ToString();
        var placed = await PlaceAsync(client, new { }, key, $"/api/orders/{past["id"]}/reorder");
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var result = await JsonOf(placed);
        result["order"]!["lines"]!.AsArray().Single()!["unitPriceFen"]!.GetValue<long>().ShouldBe(2500);
        result["unavailable"]![0]!["reason"]!.GetValue<string>().ShouldBe("unlisted");
        var again = await JsonOf(await PlaceAsync(client, new { }, key, $"/api/orders/{past["id"]}/reorder"));
        again["order"]!["id"]!.GetValue<Guid>().ShouldBe(result["order"]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task payments_read_the_amount_and_whether_the_order_still_awaits_payment()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), RiceAndTea(2));
        using var scope = app.Services.CreateScope();
        var terms = await scope.ServiceProvider.GetRequiredService<IOrderPaymentTerms>().GetAsync(order["id"]!.GetValue<Guid>(), CancellationToken.None);
        terms.ShouldNotBeNull();
        (terms.AmountFen, terms.AwaitingPayment, terms.CustomerId).ShouldBe((order["totalFen"]!.GetValue<long>(), true, DemoCampus.CustomerId(2)));
        (await scope.ServiceProvider.GetRequiredService<IOrderPaymentTerms>().GetAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();
    }
}

public sealed class OrderingOnSqlite(OrderingSqliteApp app) : OrderingTests(app), IClassFixture<OrderingSqliteApp>;

public sealed class OrderingOnPostgres(OrderingPostgresApp app) : OrderingTests(app), IClassFixture<OrderingPostgresApp>;
