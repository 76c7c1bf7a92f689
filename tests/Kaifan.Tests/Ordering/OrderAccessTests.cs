using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>Who may see an order: its customer; a stranger, a rider not on it and other roles get 404 or 403; the operator sees it masked.</summary>
public abstract class OrderAccessTests(LunchtimeApp app)
{
    [Fact]
    public async Task another_customer_can_neither_read_nor_cancel_nor_reorder_someone_elses_order()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), BeefRiceAndTea(1));
        var id = IdOf(order);
        var stranger = app.Client(TestTokens.Customer(2));

        (await stranger.GetAsync($"/api/orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "hack" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/orders/{id}/reorder")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PlaceAsync(stranger, new { }, Guid.NewGuid().ToString(), $"/api/orders/{id}/reorder")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.StatusAsync(id, 1)).ShouldBe("AwaitingPayment");
    }

    [Fact]
    public async Task a_rider_reading_an_order_not_assigned_to_them_gets_not_found()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(3)), BeefRiceAndTea(3));
        (await app.Client(TestTokens.Rider(1)).GetAsync($"/api/rider/orders/{IdOf(order)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(TestTokens.Customer(3)).GetAsync($"/api/rider/orders/{IdOf(order)}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_operator_sees_orders_with_personal_data_masked_newest_first_as_many_as_asked()
    {
        await PlacedAsync(app.Client(TestTokens.Customer(2)), BeefRiceAndTea(2));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), BeefRiceAndTea(2));
        var ops = app.Client(TestTokens.Operator());
        var response = await ops.GetAsync("/api/ops/orders?status=AwaitingPayment");
        response.More().ShouldBeFalse();
        var row = (await JsonOf(response)).AsArray().Single(o => IdOf(o!) == IdOf(order))!;
        row["address"]!["phone"]!.GetValue<string>().ShouldBe("138****0002");
        row["address"]!["contactName"]!.GetValue<string>().ShouldContain("*");

        var first = await ops.GetAsync("/api/ops/orders?status=AwaitingPayment&limit=1");
        first.More().ShouldBeTrue();
        IdOf((await JsonOf(first)).AsArray().ShouldHaveSingleItem()!).ShouldBe(IdOf(order));
        await (await ops.GetAsync("/api/ops/orders?limit=0")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
        await (await ops.GetAsync("/api/ops/orders?limit=1001")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
    }
}

public sealed class OrderAccessOnSqlite(LunchtimeSqliteApp app) : OrderAccessTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OrderAccessOnPostgres(LunchtimePostgresApp app) : OrderAccessTests(app), IClassFixture<LunchtimePostgresApp>;
