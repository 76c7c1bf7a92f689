using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Ordering.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// 配送异常: the rider who carries an order reports why it cannot be handed over, each kind only at its stage; an operator
/// resolves it (back to dispatch or try again, cancel and refund, delivered anyway), once even when two try at once; the
/// customer sees a neutral line and, when unreachable, can answer 我在，马上到; after 10 minutes open it is overdue.
/// </summary>
public abstract class DeliveryExceptionTests(LunchtimeApp app)
{
    [Fact]
    public async Task before_pickup_only_pickup_failed_and_road_blocked_fit_and_redeliver_hands_the_order_back_to_dispatch()
    {
        const int customer = 1, rider = 2;
        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(id, rider);
            await RefusedAsync(await ReportAsync(rider, id, "customer_unreachable"), HttpStatusCode.Conflict, "kind");
            await RefusedAsync(await ReportAsync(rider, id, "customer_refused"), HttpStatusCode.Conflict, "kind");
            await RefusedAsync(await ReportAsync(rider, id, "lost"), HttpStatusCode.BadRequest, "kind");
            await RefusedAsync(await ReportAsync(rider, id, "pickup_failed", new string('长', 101)), HttpStatusCode.BadRequest, "note");
            (await ReportAsync(3, id, "pickup_failed")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not the rider's order");

            var reported = await ReportAsync(rider, id, "pickup_failed", "店铺关门了");
            reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
            var open = (await JsonOf(reported))["deliveryException"]!;
            (open["kind"]!.GetValue<string>(), open["open"]!.GetValue<bool>(), open["note"]!.GetValue<string>()).ShouldBe(("pickup_failed", true, "店铺关门了"));
            await RefusedAsync(await ReportAsync(rider, id, "road_blocked"), HttpStatusCode.Conflict, "kind");

            var customersLine = (await app.CustomerViewAsync(id, customer))["deliveryException"]!;
            (customersLine["kindText"]!.GetValue<string>(), customersLine["open"]!.GetValue<bool>()).ShouldBe(("商家无法出餐", true));
            customersLine["note"].ShouldBeNull("the rider's words are for the staff");
            (await QueueAsync()).ShouldContain(r => r!["orderId"]!.GetValue<Guid>() == id && r["riderId"]!.GetValue<Guid>() == Kaifan.BuildingBlocks.DemoCampus.RiderId(rider));

            var resolved = await ResolveAsync(id, "redeliver");
            resolved.StatusCode.ShouldBe(HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());
            await PaymentProbe.EventuallyAsync(async () => !(await app.TaskIdsAsync(rider)).Contains(id), "dispatch takes the order from the rider");
            await PaymentProbe.EventuallyAsync(async () => (await app.CustomerViewAsync(id, customer))["riderId"] is null, "Ordering forgets the rider");
            var after = await app.CustomerViewAsync(id, customer);
            (after["status"]!.GetValue<string>(), after["deliveryException"]!["resolution"]!.GetValue<string>(), after["deliveryException"]!["open"]!.GetValue<bool>())
                .ShouldBe(("Ready", "redeliver", false));
            (await QueueAsync()).ShouldNotContain(r => r!["orderId"]!.GetValue<Guid>() == id);
            await RefusedAsync(await ResolveAsync(id, "redeliver"), HttpStatusCode.Conflict, "resolution");

            // The note is the rider's own words: in their copy (ADR 0026) though the order is no longer theirs.
            var copy = (await JsonOf(await app.Rider(rider).GetAsync("/api/me/data-export")))["sections"]!["deliveryExceptions"]!.AsArray();
            var mine = copy.Single(e => e!["orderId"]!.GetValue<Guid>() == id)!;
            (mine["kind"]!.GetValue<string>(), mine["note"]!.GetValue<string>(), mine["resolution"]!.GetValue<string>())
                .ShouldBe(("pickup_failed", "店铺关门了", "redeliver"));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task after_pickup_the_rider_tries_again_the_customer_answers_or_ops_count_it_delivered()
    {
        const int customer = 2, rider = 3;
        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(id, rider);
            await app.PickUpAsync(rider, id);
            await RefusedAsync(await ReportAsync(rider, id, "pickup_failed"), HttpStatusCode.Conflict, "kind");
            await RefusedAsync(await ReportAsync(rider, id, "customer_unreachable"), HttpStatusCode.Conflict, "kind");

            (await ReportAsync(rider, id, "customer_refused")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ResolveAsync(id, "redeliver")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var again = await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{id}"));
            (again["status"]!.GetValue<string>(), again["deliveryException"]!["resolution"]!.GetValue<string>(), again["deliveryException"]!["backToDispatch"]!.GetValue<bool>())
                .ShouldBe(("PickedUp", "redeliver", false), "the rider keeps the food and tries again");

            (await app.StepAsync(rider, id, "arrive-customer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ReportAsync(rider, id, "customer_unreachable")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.CustomerViewAsync(id, customer))["deliveryException"]!["riderWaiting"]!.GetValue<bool>().ShouldBeTrue();
            (await AnswerAsync(4, id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await AnswerAsync(customer, id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var answered = (await app.CustomerViewAsync(id, customer))["deliveryException"]!;
            (answered["open"]!.GetValue<bool>(), answered["resolution"]!.GetValue<string>()).ShouldBe((false, "customer_responded"));
            await RefusedAsync(await AnswerAsync(customer, id), HttpStatusCode.Conflict, "exception");

            (await ReportAsync(rider, id, "road_blocked")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ResolveAsync(id, "delivered_anyway")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var delivered = await app.CustomerViewAsync(id, customer);
            (delivered["status"]!.GetValue<string>(), delivered["deliveryMethod"]!.GetValue<string>()).ShouldBe(("Delivered", "door"));
            await PaymentProbe.EventuallyAsync(async () => !(await app.TaskIdsAsync(rider)).Contains(id), "dispatch closes the delivered task");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task cancel_and_refund_cancels_the_order_and_refunds_the_customer_through_the_gateway()
    {
        const int customer = 3, rider = 4;
        var (id, totalFen) = await PaymentOrders.PlaceAsync(app, customer);
        var started = await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{id}/payments", new { channel = "wechat" });
        var payment = await JsonOf(started);
        (await app.Client().PostAsync(payment["payUrl"]!.GetValue<string>(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "AwaitingAcceptance", "the sandbox payment lands");
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await app.AssignAsync(id, rider);
            await app.PickUpAsync(rider, id);
            (await ReportAsync(rider, id, "road_blocked", "桥被封了")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var cancelled = await JsonOf(await ResolveAsync(id, "cancel_and_refund"));
            (cancelled["status"]!.GetValue<string>(), cancelled["cancelledBy"]!.GetValue<string>(), cancelled["refundDue"]!.GetValue<bool>())
                .ShouldBe(("Cancelled", "Operator", true));
            cancelled["cancelReason"]!.GetValue<string>().ShouldContain("天气/道路原因无法送达");

            var paymentId = payment["paymentId"]!.GetValue<Guid>();
            await PaymentProbe.EventuallyAsync(async () => await new PaymentProbe(app).PaymentStatusAsync(paymentId, customer) == "Refunded", "the gateway refunds");
            await PaymentProbe.EventuallyAsync(async () => (await app.CustomerViewAsync(id, customer))["refundedAt"] is not null, "the order shows the refund");
            await PaymentProbe.EventuallyAsync(async () => !(await app.TaskIdsAsync(rider)).Contains(id), "the rider is freed of it");
            totalFen.ShouldBeGreaterThan(0);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task two_operators_resolving_at_once_resolve_it_once()
    {
        const int customer = 4, rider = 5;
        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(id, rider);
            await app.PickUpAsync(rider, id);
            (await ReportAsync(rider, id, "customer_refused")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Two operators, each with their own decision, each clicking three times: the requests read the order before
            // any of them commits. The losers hear 409 at once (on SQLite a loser's open transaction once kept the
            // write lock from its own audit entry until the busy timeout, and everyone waiting got 503).
            var answers = await Task.WhenAll(
                Enumerable.Range(0, 6).Select(i => ResolveAsync(id, i % 2 == 0 ? "delivered_anyway" : "cancel_and_refund")));

            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            answers.Where(a => a.StatusCode != HttpStatusCode.OK).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
            var winner = await JsonOf(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
            (await app.CustomerViewAsync(id, customer))["status"]!.GetValue<string>().ShouldBe(winner["status"]!.GetValue<string>());
            (await app.CustomerViewAsync(id, customer))["deliveryException"]!["resolution"]!.GetValue<string>()
                .ShouldBe(winner["status"]!.GetValue<string>() == "Delivered" ? "delivered_anyway" : "cancel_and_refund");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task an_exception_open_for_10_minutes_is_overdue_on_the_ops_queue()
    {
        const int customer = 5, rider = 7;
        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(id, rider);
            (await ReportAsync(rider, id, "road_blocked", "小区封路")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var export = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonNode>("/api/me/data-export"))!;
            var exported = export["sections"]!["orders"]!.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == id)!;
            (exported["deliveryExceptionKind"]!.GetValue<string>(), exported["deliveryExceptionNote"]!.GetValue<string>()).ShouldBe(("road_blocked", "小区封路"));
            var bus = app.Services.GetRequiredService<IMessageBus>();

            // Delivered early (the scheduler's clock is not ours) it waits; a reminder of another report does nothing.
            await bus.InvokeAsync(new DeliveryExceptionReminder(id, 1));
            (await RowAsync(id))["overdue"]!.GetValue<bool>().ShouldBeFalse();
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await bus.InvokeAsync(new DeliveryExceptionReminder(id, 2));
            (await RowAsync(id))["overdue"]!.GetValue<bool>().ShouldBeFalse();

            await bus.InvokeAsync(new DeliveryExceptionReminder(id, 1));
            var row = await RowAsync(id);
            (row["overdue"]!.GetValue<bool>(), row["kind"]!.GetValue<string>()).ShouldBe((true, "road_blocked"));
            (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>($"/api/ops/delivery-exceptions?zoneId={Guid.NewGuid()}"))!.Count.ShouldBe(0, "another zone's queue");
            var queue = await QueueAsync();
            var oldest = await app.Client(TestTokens.Operator()).GetAsync($"/api/ops/delivery-exceptions?zoneId={DeliveryKit.EastZone}&limit=1");
            oldest.More().ShouldBe(queue.Count > 1);
            (await JsonOf(oldest)).AsArray().ShouldHaveSingleItem()!["orderId"]!.GetValue<Guid>().ShouldBe(queue[0]!["orderId"]!.GetValue<Guid>());
            (await ResolveAsync(id, "redeliver")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private Task<HttpResponseMessage> ReportAsync(int rider, Guid orderId, string kind, string? note = null) =>
        app.Rider(rider).PostAsJsonAsync($"/api/rider/orders/{orderId}/exceptions", new { kind, note });

    private Task<HttpResponseMessage> ResolveAsync(Guid orderId, string resolution) =>
        app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/orders/{orderId}/exception/resolve", new { resolution });

    private Task<HttpResponseMessage> AnswerAsync(int customer, Guid orderId) =>
        app.Client(TestTokens.Customer(customer)).PostAsync($"/api/orders/{orderId}/exception/answer", null);

    private async Task<JsonArray> QueueAsync()
    {
        var response = await app.Client(TestTokens.Operator()).GetAsync($"/api/ops/delivery-exceptions?zoneId={DeliveryKit.EastZone}");
        response.More().ShouldBeFalse();
        return (await JsonOf(response)).AsArray();
    }

    private async Task<JsonNode> RowAsync(Guid orderId) => (await QueueAsync()).Single(r => r!["orderId"]!.GetValue<Guid>() == orderId)!;

    /// <summary>problem+json naming the field: 409s carry it as `field`, validation 400s as a key of `errors`.</summary>
    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(response);
        var named = problem["field"]?.GetValue<string>() ?? problem["errors"]?.AsObject().Select(e => e.Key).SingleOrDefault();
        named.ShouldBe(field);
    }
}

public sealed class DeliveryExceptionsOnSqlite(LunchtimeSqliteApp app) : DeliveryExceptionTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class DeliveryExceptionsOnPostgres(LunchtimePostgresApp app) : DeliveryExceptionTests(app), IClassFixture<LunchtimePostgresApp>;
