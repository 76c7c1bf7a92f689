using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch.Batches;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>The operator's dispatch board (with its service badges) and manual reassignment, the ops merchants list, and a rider's deliveries of the day.</summary>
public abstract class OpsDispatchTests(KaifanApp app)
{
    private HttpClient Ops => app.Client(TestTokens.Operator());

    [Fact]
    public async Task reassigning_an_assigned_order_puts_it_back_to_pending_for_anyone_but_its_rider()
    {
        const int customer = 1, first = 4, second = 5;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, first);

            var answer = await JsonOf(await Ops.PostAsync($"/api/ops/orders/{orderId}/reassign", null));
            answer["column"]!.GetValue<string>().ShouldBe("pending");
            await PaymentProbe.EventuallyAsync(
                async () => (await app.Rider(first).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.NotFound,
                "Ordering forgets the first rider");
            var mine = await app.CustomerViewAsync(orderId, customer);
            mine["status"]!.GetValue<string>().ShouldBe("Ready");
            mine["riderId"].ShouldBeNull();
            (await BoardAsync())["pending"]!.AsArray().ShouldContain(o => o!["orderId"]!.GetValue<Guid>() == orderId);

            await app.OnlineAsync(second);
            var (rider, offerId) = await app.OfferedAsync(orderId, first, second);
            rider.ShouldBe(second, "the rider who had it is never offered it again");

            // Taken, so no order of this test is left for the zone to offer to other tests' riders.
            (await app.Rider(second).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(first, second);
        }
    }

    [Fact]
    public async Task an_operator_offers_an_order_to_a_named_online_rider_who_can_take_it()
    {
        const int customer = 2, rider = 6;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await KnownToDispatchAsync(orderId);
            await app.OnlineAsync(rider);

            var response = await Ops.PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(rider) });
            var answer = await JsonOf(response);
            answer["column"]!.GetValue<string>().ShouldBe("offered");
            answer["riderId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(rider));
            var offered = (await BoardAsync())["offered"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == orderId)!;
            offered["riderId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(rider));
            offered["offerSecondsLeft"]!.GetValue<int>().ShouldBeGreaterThan(0);

            var offer = (await app.OfferOfAsync(rider, orderId)).ShouldNotBeNull();
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offer["offerId"]!.GetValue<Guid>()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await PaymentProbe.EventuallyAsync(
                async () => (await BoardAsync())["assigned"]!.AsArray().Any(o => o!["orderId"]!.GetValue<Guid>() == orderId && o["stage"]!.GetValue<string>() == "toMerchant"),
                "the board shows the order 配送中 with its rider");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task reassigning_is_refused_after_pickup_for_an_offline_rider_for_unknown_orders_and_for_non_operators()
    {
        const int customer = 3, rider = 8, offline = 9;
        (await Ops.PostAsync($"/api/ops/orders/{Guid.NewGuid()}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        (await app.Client(TestTokens.Customer(customer)).PostAsync($"/api/ops/orders/{orderId}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Rider(rider).PostAsync($"/api/ops/orders/{orderId}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        try
        {
            await KnownToDispatchAsync(orderId);
            (await Ops.PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(offline) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

            await app.AssignAsync(orderId, rider);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Ops.PostAsync($"/api/ops/orders/{orderId}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the rider keeps it");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task the_board_marks_guaranteed_special_care_and_locker_orders_and_the_rider_sees_the_guaranteed_time()
    {
        const int rider = 3;
        var guaranteed = await app.AcceptPaidAsync(
            await PlacedAsync(app.Client(TestTokens.Customer(2)), TierKit.Checkout(2, new { serviceTier = "guaranteed", specialCare = true })), 2, prepMinutes: 10);
        var locker = await app.ReadyLockerOrderAsync(customer: 3);
        try
        {
            var promised = (await PromisedAsync(guaranteed, customer: 2))!.Value;
            var card = await CardAsync(guaranteed);
            card["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
            card["specialCare"]!.GetValue<bool>().ShouldBeTrue();
            card["locker"]!.GetValue<bool>().ShouldBeFalse();
            card["promisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(promised);
            var lockerCard = await CardAsync(locker);
            lockerCard["locker"]!.GetValue<bool>().ShouldBeTrue();
            lockerCard["serviceTier"]!.GetValue<string>().ShouldBe("standard");
            lockerCard["specialCare"]!.GetValue<bool>().ShouldBeFalse();
            lockerCard["promisedAt"].ShouldBeNull();

            await app.OnlineAsync(rider);
            var offered = (await OfferToAsync(guaranteed, rider))["orders"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == guaranteed)!;
            offered["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
            offered["promisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(promised);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{(await app.OfferOfAsync(rider, guaranteed))!["offerId"]!.GetValue<Guid>()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var task = (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray().Single(t => t!["orderId"]!.GetValue<Guid>() == guaranteed)!;
            task["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
            task["promisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(promised);

            await TakeAsync(locker, rider);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_held_batch_order_shows_its_departure_and_is_not_late_before_it_leaves()
    {
        const int customer = 1, rider = 1;

        // Long enough before the next departure that its food is ready well over the late threshold before the line leaves.
        if (await DepartureAsync(app.Clock.GetUtcNow()) - app.Clock.GetUtcNow() < TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(await DepartureAsync(app.Clock.GetUtcNow()) - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        }

        var orderId = await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "batch" })), customer, prepMinutes: 5);
        var departure = await DepartureAsync(app.Clock.GetUtcNow());
        try
        {
            var card = await CardAsync(orderId);
            card["serviceTier"]!.GetValue<string>().ShouldBe("batch");
            card["departsAt"]!.GetValue<DateTimeOffset>().ShouldBe(departure);
            (departure - card["readyEstimate"]!.GetValue<DateTimeOffset>()).ShouldBeGreaterThan(TimeSpan.FromMinutes(11));

            // Nobody is offered it alone before the line leaves, not even by name.
            await app.OnlineAsync(rider);
            var early = await Ops.PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(rider) });
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await JsonOf(early))["detail"]!.GetValue<string>().ShouldContain($"{departure.ToOffset(TimeSpan.FromHours(8)):HH:mm}发车");
            (await app.OfferOfAsync(rider, orderId)).ShouldBeNull();
            await app.OfflineAsync(rider);

            app.Clock.Advance(departure - TimeSpan.FromMinutes(1) - app.Clock.GetUtcNow());
            var board = await BoardAsync();
            var held = board["pending"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == orderId)!;
            held["late"]!.GetValue<bool>().ShouldBeFalse("waiting for the line's departure is not lateness");
            board["late"]!.AsArray().ShouldNotContain(o => o!["orderId"]!.GetValue<Guid>() == orderId);

            app.Clock.Advance(TimeSpan.FromMinutes(12));
            board = await BoardAsync();
            var left = board["pending"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == orderId)!;
            left["departsAt"].ShouldBeNull("the line has left");
            left["late"]!.GetValue<bool>().ShouldBeTrue("over ten minutes after the departure");
            board["late"]!.AsArray().ShouldContain(o => o!["orderId"]!.GetValue<Guid>() == orderId);

            await app.OnlineAsync(rider);
            await TakeAsync(orderId, rider);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task reassigning_to_a_rider_who_cannot_take_the_order_is_refused_naming_the_reason()
    {
        const int noStairs = 2, capable = 1, smallLoad = 7;
        try
        {
            // Rider 7 carries at most two orders: with two on board a third is refused.
            await app.OnlineAsync(smallLoad);
            foreach (var customer in new[] { 1, 2 })
            {
                var carried = await app.AcceptedOrderAsync(customer, ready: true);
                await KnownToDispatchAsync(carried);
                await TakeAsync(carried, smallLoad);
            }

            var third = await app.AcceptedOrderAsync(customer: 3, ready: true);
            await KnownToDispatchAsync(third);
            var full = await Ops.PostAsJsonAsync($"/api/ops/orders/{third}/reassign", new { riderId = DemoCampus.RiderId(smallLoad) });
            full.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            full.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await JsonOf(full);
            problem["field"]!.GetValue<string>().ShouldBe("riderId");
            problem["detail"]!.GetValue<string>().ShouldContain("载单已满");

            // Customer 4 lives up stairs with no lift; rider 2 does not take stairs.
            var stairsOrder = await app.AcceptedOrderAsync(customer: 4, ready: true);
            await KnownToDispatchAsync(stairsOrder);
            await app.OnlineAsync(noStairs);
            var refused = await Ops.PostAsJsonAsync($"/api/ops/orders/{stairsOrder}/reassign", new { riderId = DemoCampus.RiderId(noStairs) });
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            problem = await JsonOf(refused);
            problem["field"]!.GetValue<string>().ShouldBe("riderId");
            problem["detail"]!.GetValue<string>().ShouldContain("不接爬楼单");
            (await app.OfferOfAsync(noStairs, stairsOrder)).ShouldBeNull();

            // A rider able to take both gets them, as before.
            await app.OnlineAsync(capable);
            await TakeAsync(stairsOrder, capable);
            await TakeAsync(third, capable);
        }
        finally
        {
            await app.OfflineAsync(noStairs, capable, smallLoad);
        }
    }

    [Fact]
    public async Task operators_see_every_shop_of_a_zone_with_its_position_and_open_state()
    {
        var rows = (await JsonOf(await Ops.GetAsync($"/api/ops/merchants?zoneId={DeliveryKit.EastZone}"))).AsArray();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r!["zoneId"]!.GetValue<Guid>() == DeliveryKit.EastZone);
        var noodles = rows.Single(r => r!["id"]!.GetValue<Guid>() == DemoCampus.MerchantId(NoodleShop))!;
        noodles["latitude"]!.GetValue<double>().ShouldBe(DeliveryKit.EastLat, 0.02);
        noodles["isPaused"]!.GetValue<bool>().ShouldBeFalse();
        (await app.Staff().GetAsync("/api/ops/merchants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_rider_reads_back_only_their_own_deliveries_of_the_day()
    {
        const int customer = 4, rider = 10, other = 11;
        try
        {
            var delivered = new List<Guid>();
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var orderId = await app.AcceptedOrderAsync(customer, ready: true);
                await app.AssignAsync(orderId, rider);
                (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
                delivered.Add(orderId);
                app.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            var today = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/deliveries?date=today"));
            (today["count"]!.GetValue<int>(), today["more"]!.GetValue<bool>()).ShouldBe((2, false));
            today["orders"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).ShouldBe([delivered[1], delivered[0]]);
            var latest = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/deliveries?date=today&limit=1"));
            (latest["count"]!.GetValue<int>(), latest["more"]!.GetValue<bool>()).ShouldBe((1, true));
            latest["orders"]!.AsArray().Single()!["id"]!.GetValue<Guid>().ShouldBe(delivered[1]);
            (await JsonOf(await app.Rider(other).GetAsync("/api/rider/deliveries")))["count"]!.GetValue<int>().ShouldBe(0);
            (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/deliveries?date=2020-01-01")))["count"]!.GetValue<int>().ShouldBe(0);
            (await app.Rider(rider).GetAsync("/api/rider/deliveries?date=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await app.Rider(rider).GetAsync("/api/rider/deliveries?date=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private async Task<JsonNode> CardAsync(Guid orderId)
    {
        JsonNode? card = null;
        await PaymentProbe.EventuallyAsync(
            async () => (card = (await BoardAsync())["pending"]!.AsArray().FirstOrDefault(o => o!["orderId"]!.GetValue<Guid>() == orderId)) is not null,
            "the order waits on the board");
        return card!;
    }

    /// <summary>The promise Tracking made at acceptance, once it has reached the order (what the customer is shown).</summary>
    private async Task<DateTimeOffset?> PromisedAsync(Guid orderId, int customer)
    {
        DateTimeOffset? promised = null;
        await PaymentProbe.EventuallyAsync(
            async () => (promised = (await app.CustomerViewAsync(orderId, customer))["promisedWindow"]?["promisedAt"]?.GetValue<DateTimeOffset>()) is not null,
            "Tracking's promise reaches the order");
        return promised;
    }

    /// <summary>The operator names the rider, who then holds an offer of the order.</summary>
    private async Task<JsonNode> OfferToAsync(Guid orderId, int rider)
    {
        var response = await Ops.PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(rider) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await app.OfferOfAsync(rider, orderId)).ShouldNotBeNull();
    }

    /// <summary>Offered by name and accepted, so no order of a test is left for the zone to offer to other tests' riders.</summary>
    private async Task TakeAsync(Guid orderId, int rider)
    {
        var offer = await OfferToAsync(orderId, rider);
        (await app.Rider(rider).PostAsync($"/api/rider/offers/{offer["offerId"]!.GetValue<Guid>()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The east dorm line's first run at or after <paramref name="after"/>, as Dispatch holds the line.</summary>
    private async Task<DateTimeOffset> DepartureAsync(DateTimeOffset after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>();
        return (await db.BatchLines.AsNoTracking().SingleAsync(l => l.Id == DemoBatchLines.DormLine)).Info().DepartureFor(after)!.Value;
    }

    private async Task<JsonNode> BoardAsync() => await JsonOf(await Ops.GetAsync($"/api/ops/zones/{DeliveryKit.EastZone}/dispatch"));

    /// <summary>Dispatch hears of an accepted order through the bus, a moment after the merchant accepted it.</summary>
    private Task KnownToDispatchAsync(Guid orderId) => PaymentProbe.EventuallyAsync(
        async () => (await BoardAsync())["pending"]!.AsArray().Concat((await BoardAsync())["offered"]!.AsArray()).Any(o => o!["orderId"]!.GetValue<Guid>() == orderId),
        "dispatch knows the order");
}

public sealed class OpsDispatchOnSqlite(LunchtimeSqliteApp app) : OpsDispatchTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OpsDispatchOnPostgres(LunchtimePostgresApp app) : OpsDispatchTests(app), IClassFixture<LunchtimePostgresApp>;
