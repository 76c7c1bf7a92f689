using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>The operator's dispatch board and manual reassignment, the ops merchants list, and a rider's deliveries of the day.</summary>
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
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            var today = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/deliveries?date=today"));
            today["count"]!.GetValue<int>().ShouldBe(1);
            today["orders"]!.AsArray().Single()!["id"]!.GetValue<Guid>().ShouldBe(orderId);
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

    private async Task<JsonNode> BoardAsync() => await JsonOf(await Ops.GetAsync($"/api/ops/zones/{DeliveryKit.EastZone}/dispatch"));

    /// <summary>Dispatch hears of an accepted order through the bus, a moment after the merchant accepted it.</summary>
    private Task KnownToDispatchAsync(Guid orderId) => PaymentProbe.EventuallyAsync(
        async () => (await BoardAsync())["pending"]!.AsArray().Concat((await BoardAsync())["offered"]!.AsArray()).Any(o => o!["orderId"]!.GetValue<Guid>() == orderId),
        "dispatch knows the order");
}

public sealed class OpsDispatchOnSqlite(LunchtimeSqliteApp app) : OpsDispatchTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OpsDispatchOnPostgres(LunchtimePostgresApp app) : OpsDispatchTests(app), IClassFixture<LunchtimePostgresApp>;
