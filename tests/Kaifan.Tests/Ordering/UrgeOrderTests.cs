using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Events;
using Kaifan.Ordering;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// 催单: a customer urges their own late order (past the 预计送达 promised at acceptance, or before acceptance past the wait
/// checkout quoted), at most every 10 minutes and 3 times; the shop hears it until it taps 知道了 or 出餐, the rider once
/// they carry the food. A 拼团 or 预售 order counts its wait from when it reached the shop, not from payment.
/// </summary>
public abstract class UrgeOrderTests(LunchtimeApp app)
{
    private static readonly TimeSpan Late = TimeSpan.FromMinutes(31);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task a_late_order_is_urged_by_its_customer_only_at_most_every_10_minutes_and_3_times()
    {
        var customer = app.Client(TestTokens.Customer(2));
        var quote = await JsonOf(await customer.PostAsJsonAsync("/api/carts/quote", BeefRiceAndTea(2)));
        var order = await PlacedAsync(customer, BeefRiceAndTea(2));
        var id = IdOf(order);
        order["quotedArrivalAt"]!.GetValue<DateTimeOffset>().ShouldBe(quote["estimatedArrivalAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(1));
        await RefusedAsync(await UrgeAsync(2, id), "status");

        // Not accepted yet, so nothing is promised: the wait checkout quoted counts from payment.
        await app.PayAsync(order);
        var paid = await app.CustomerViewAsync(id, 2);
        paid["deliveryPromisedAt"].ShouldBeNull();
        var quotedWait = paid["quotedArrivalAt"]!.GetValue<DateTimeOffset>() - paid["placedAt"]!.GetValue<DateTimeOffset>();
        quotedWait.ShouldBeInRange(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(29), "prep, handovers and the ride, not the old flat 30 minutes");
        var early = await RefusedAsync(await UrgeAsync(2, id), "too_early");
        early["availableFrom"]!.GetValue<DateTimeOffset>().ShouldBe(paid["paidAt"]!.GetValue<DateTimeOffset>() + quotedWait);
        early["availableFrom"]!.GetValue<DateTimeOffset>().Offset.ShouldBe(TimeSpan.Zero, "UTC in the API");
        var untouched = await UrgeOfAsync(2, id);
        (untouched["count"]!.GetValue<int>(), untouched["canUrge"]!.GetValue<bool>(), untouched["lastAt"]).ShouldBe((0, false, null));
        (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeFalse();

        (await UrgeAsync(3, id)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another customer's order is not there");

        app.Clock.Advance(Late);
        (await UrgeOfAsync(2, id))["canUrge"]!.GetValue<bool>().ShouldBeTrue();
        var first = await UrgeAsync(2, id);
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var urged = await JsonOf(first);
        (urged["count"]!.GetValue<int>(), urged["heardBy"]!.GetValue<string>()).ShouldBe((1, "merchant"));
        (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeTrue();

        var again = await RefusedAsync(await UrgeAsync(2, id), "too_soon");
        again["availableFrom"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow() + Interval);
        (await UrgeOfAsync(2, id))["count"]!.GetValue<int>().ShouldBe(1);

        app.Clock.Advance(Interval);
        (await UrgeAsync(2, id)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        app.Clock.Advance(Interval);
        (await UrgeAsync(2, id)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        app.Clock.Advance(Interval);
        var fourth = await RefusedAsync(await UrgeAsync(2, id), "limit");
        fourth["availableFrom"].ShouldBeNull();
        var spent = await UrgeOfAsync(2, id);
        (spent["count"]!.GetValue<int>(), spent["canUrge"]!.GetValue<bool>()).ShouldBe((3, false));
    }

    [Fact]
    public async Task an_accepted_order_is_urged_from_the_first_delivery_time_promised_not_before()
    {
        const int customer = 3;
        var id = await app.AcceptedOrderAsync(customer);
        var promised = await app.DeliveryPromisedAtAsync(id, customer);
        var view = await app.CustomerViewAsync(id, customer);
        (view["serviceTier"]!.GetValue<string>(), view["promisedWindow"]).ShouldBe(("standard", null), "准时宝's window stays its own");
        var quotedFrom = view["paidAt"]!.GetValue<DateTimeOffset>() + (view["quotedArrivalAt"]!.GetValue<DateTimeOffset>() - view["placedAt"]!.GetValue<DateTimeOffset>());
        promised.ShouldNotBe(quotedFrom, "the promise replaces checkout's quote");

        // Redelivered, or recomputed later: the promise the customer was first told stands.
        await PromiseAgainTwiceAsync(id, promised + TimeSpan.FromMinutes(30));
        (await app.CustomerViewAsync(id, customer))["deliveryPromisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(promised);

        app.Clock.Advance(promised - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        var early = await RefusedAsync(await UrgeAsync(customer, id), "too_early");
        early["availableFrom"]!.GetValue<DateTimeOffset>().ShouldBe(promised);
        var waiting = await UrgeOfAsync(customer, id);
        (waiting["canUrge"]!.GetValue<bool>(), waiting["availableFrom"]!.GetValue<DateTimeOffset>()).ShouldBe((false, promised));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var urged = await UrgeAsync(customer, id);
        urged.StatusCode.ShouldBe(HttpStatusCode.Accepted, await urged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task parallel_urges_inside_the_interval_count_once()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(4)), BeefRiceAndTea(4));
        var id = IdOf(order);
        await app.PayAsync(order);
        app.Clock.Advance(Late);

        // Separate clients, started together: each request reads the order before the others commit.
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => UrgeAsync(4, id)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await UrgeOfAsync(4, id))["count"]!.GetValue<int>().ShouldBe(1);
        (await MerchantUrgeAsync(id))["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task the_shop_silences_an_urge_with_got_it_or_by_marking_the_order_ready()
    {
        var id = await app.AcceptedOrderAsync(5);
        app.Clock.Advance(Late);
        (await UrgeAsync(5, id)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeTrue();

        (await app.Staff(2).PostAsync($"/api/merchant/orders/{id}/urge/ack", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/urge/ack", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var handled = await MerchantUrgeAsync(id);
        (handled["merchantAlert"]!.GetValue<bool>(), handled["count"]!.GetValue<int>()).ShouldBe((false, 1));
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/urge/ack", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "nothing rings any more");

        app.Clock.Advance(Interval);
        (await UrgeAsync(5, id)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeTrue("a new 催单 rings again");
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeFalse("出餐 handles it");
    }

    /// <summary>
    /// Two earlier 东区 orders still wait for a rider, as other tests of the class may leave them: one ready long ago,
    /// one accepted and past its promise. The dispatcher offers the more urgent ones first and a rider holding an offer
    /// gets no other, so this order's rider declines theirs (AssignAsync) and the order of the tests does not matter.
    /// </summary>
    [Fact]
    public async Task once_the_rider_carries_the_food_the_rider_hears_the_urge_and_the_shop_does_not()
    {
        const int customer = 1, rider = 6;
        await app.AcceptedOrderAsync(5, ready: true);
        app.Clock.Advance(Late);
        var waiting = await app.AcceptedOrderAsync(3);
        app.Clock.Advance(await app.DeliveryPromisedAtAsync(waiting, 3) - app.Clock.GetUtcNow());
        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(id, rider);
            await app.PickUpAsync(rider, id);
            app.Clock.Advance(Late);

            var urged = await UrgeAsync(customer, id);
            urged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await JsonOf(urged))["heardBy"]!.GetValue<string>().ShouldBe("rider");
            var ridersView = await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{id}"));
            ridersView["urge"]!["riderAlert"]!.GetValue<bool>().ShouldBeTrue();
            (await MerchantUrgeAsync(id))["merchantAlert"]!.GetValue<bool>().ShouldBeFalse();
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_group_order_is_urged_from_when_its_group_formed_not_from_its_payment()
    {
        var groups = new GroupBuyKit(app);
        var dealId = await groups.CreateDealAsync(groupSize: 2, windowMinutes: 60);
        var (leader, member) = (await groups.NewShopperAsync(), await groups.NewShopperAsync());
        var opened = await GroupBuyKit.PlacedAsync(GroupBuyKit.OpenAsync(leader, dealId));
        await groups.PayAsync(leader, opened);
        await GroupBuyKit.EventuallyStatusAsync(leader, opened, "AwaitingGroup");
        await RefusedAsync(await UrgeAsync(leader, opened), "status");

        // Well past the wait counted from payment before the group forms: that must not open 催单 at once.
        app.Clock.Advance(Late);
        var joined = await GroupBuyKit.PlacedAsync(GroupBuyKit.JoinAsync(member, GroupBuyKit.GroupOf(opened)));
        await groups.PayAsync(member, joined);
        await GroupBuyKit.EventuallyStatusAsync(leader, opened, "AwaitingAcceptance");
        var formedAt = app.Clock.GetUtcNow();
        var view = await GroupBuyKit.OrderAsync(leader, opened);
        view["groupFormedAt"]!.GetValue<DateTimeOffset>().ShouldBe(formedAt);

        await UrgedFromAsync(leader, opened, formedAt + QuotedWait(view));
    }

    [Fact]
    public async Task a_presale_order_is_urged_from_when_it_reached_the_shop_not_from_its_payment()
    {
        var presales = new PresaleKit(app);
        var now = app.Clock.GetUtcNow();
        var created = await app.Staff().PostAsJsonAsync("/api/merchant/presales", new
        {
            itemId = GroupBuyKit.Dish, priceFen = PresaleKit.PriceFen, stock = 20, perCustomerLimit = 3, minimumQuantity = 1,
            cutoffAt = now.AddMinutes(10), deliverAt = now.AddMinutes(80), slotMinutes = 30,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var presale = await JsonOf(created);
        var presaleId = PresaleKit.IdOf(presale);
        var shopper = await presales.NewShopperAsync();
        var order = await presales.JoinAndPayAsync(shopper, presaleId, 1);
        // Growth counts the payment a moment after Ordering moved the order; a cut-off before that would refund it.
        await PresaleKit.EventuallyJoinedAsync(shopper, presaleId, 1);
        await RefusedAsync(await UrgeAsync(shopper, order), "status");

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await presales.CutoffAsync(presaleId);
        var releaseAt = presale["releaseAt"]!.GetValue<DateTimeOffset>();
        releaseAt.ShouldBeGreaterThan(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), "the pre-sale waits longer than the quoted wait");
        app.Clock.Advance(releaseAt - app.Clock.GetUtcNow());
        await presales.ReleaseAsync(presaleId);
        await GroupBuyKit.EventuallyStatusAsync(shopper, order, "AwaitingAcceptance");

        await UrgedFromAsync(shopper, order, releaseAt + QuotedWait(await GroupBuyKit.OrderAsync(shopper, order)));
    }

    /// <summary>Not a minute before <paramref name="from"/> (nor from payment), and then at once.</summary>
    private async Task UrgedFromAsync(Shopper shopper, JsonNode order, DateTimeOffset from)
    {
        var early = await RefusedAsync(await UrgeAsync(shopper, order), "too_early");
        early["availableFrom"]!.GetValue<DateTimeOffset>().ShouldBe(from);
        app.Clock.Advance(from - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await RefusedAsync(await UrgeAsync(shopper, order), "too_early");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var urged = await UrgeAsync(shopper, order);
        urged.StatusCode.ShouldBe(HttpStatusCode.Accepted, await urged.Content.ReadAsStringAsync());
        (await JsonOf(urged))["heardBy"]!.GetValue<string>().ShouldBe("merchant");
    }

    /// <summary>The wait checkout quoted (its 预计送达 less the placing time), else the flat grace without a quote.</summary>
    private static TimeSpan QuotedWait(JsonNode view) =>
        view["quotedArrivalAt"]?.GetValue<DateTimeOffset>() is { } quoted && view["placedAt"]!.GetValue<DateTimeOffset>() is var placed && quoted > placed
            ? quoted - placed
            : Order.UrgeGraceWithoutPromise;

    private static Task<HttpResponseMessage> UrgeAsync(Shopper shopper, JsonNode order) =>
        shopper.Client.PostAsync($"/api/orders/{IdOf(order)}/urge", null);

    /// <summary>DeliveryPromised delivered twice more, straight into Ordering's handler (at-least-once delivery's worst case).</summary>
    private async Task PromiseAgainTwiceAsync(Guid orderId, DateTimeOffset promisedAt)
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DeliveryPromisedHandler.Handle(
                new DeliveryPromised(orderId, DemoCampus.ZoneId(1), DemoCampus.MerchantId(1), promisedAt, app.Clock.GetUtcNow(), 10, "stated", 0, 2, 5, 2),
                scope.ServiceProvider.GetRequiredService<OrderingDb>(),
                CancellationToken.None);
        }
    }

    private Task<HttpResponseMessage> UrgeAsync(int customer, Guid orderId) =>
        app.Client(TestTokens.Customer(customer)).PostAsync($"/api/orders/{orderId}/urge", null);

    private async Task<JsonNode> UrgeOfAsync(int customer, Guid orderId) => (await app.CustomerViewAsync(orderId, customer))["urge"]!;

    private async Task<JsonNode> MerchantUrgeAsync(Guid orderId) =>
        (await app.Staff().GetFromJsonAsync<JsonArray>("/api/merchant/orders"))!.Single(o => IdOf(o!) == orderId)!["urge"]!;

    /// <summary>A refusal is problem+json 409 naming the urge and why; its body for the caller to look further.</summary>
    private static async Task<JsonNode> RefusedAsync(HttpResponseMessage response, string reason)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(response);
        (problem["field"]!.GetValue<string>(), problem["reason"]!.GetValue<string>()).ShouldBe(("urge", reason));
        return problem;
    }
}

public sealed class UrgeOrderOnSqlite(LunchtimeSqliteApp app) : UrgeOrderTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class UrgeOrderOnPostgres(LunchtimePostgresApp app) : UrgeOrderTests(app), IClassFixture<LunchtimePostgresApp>;
