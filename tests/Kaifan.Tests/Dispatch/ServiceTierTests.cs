using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Events;
using Kaifan.Ordering;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>准时宝 (judged against Tracking's promise → coupon when missed, the verdict on the customer's order view), locker delivery (routed to the locker, code required) and the bad-weather flag.</summary>
public abstract class ServiceTierTests(LunchtimeApp app)
{
    private static readonly Guid CanteenLocker = DemoCampus.Id("locker:1-1");

    [Fact]
    public async Task a_guaranteed_order_delivered_after_trackings_promise_plus_3_minutes_earns_exactly_one_coupon_even_when_events_repeat()
    {
        const int customer = 1, rider = 1;
        var (id, placed) = await GuaranteedAsync(customer);
        placed["serviceFeeFen"]!.GetValue<long>().ShouldBe(200);
        placed["totalFen"]!.GetValue<long>().ShouldBe(placed["itemsTotalFen"]!.GetValue<long>() + placed["packagingFeeFen"]!.GetValue<long>()
            + placed["deliveryFeeFen"]!.GetValue<long>() + 200);

        var window = (await PromisedAsync(id, customer))["promisedWindow"]!;
        var promised = window["promisedAt"]!.GetValue<DateTimeOffset>();
        (window["to"]!.GetValue<DateTimeOffset>() - promised).ShouldBe(TimeSpan.FromMinutes(3));
        (promised - window["from"]!.GetValue<DateTimeOffset>()).ShouldBe(TimeSpan.FromMinutes(3));

        // A later promise (a redelivery computed with other learned minutes) would excuse this delivery: the first one stands.
        await PromiseAgainAsync(id, promised.AddMinutes(30));
        (await app.CustomerViewAsync(id, customer))["promisedWindow"]!["promisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(promised);

        (await app.CustomerViewAsync(id, customer))["guaranteeOutcome"].ShouldBeNull("nothing is judged before the delivery");

        // 6½ minutes past the window's end (promise + 3 min): the customer reads it as 7 minutes late.
        await DeliverAsync(id, rider, beforeDelivery: () => app.Clock.Advance(promised + TimeSpan.FromMinutes(9.5) - app.Clock.GetUtcNow()));

        await PaymentProbe.EventuallyAsync(async () => (await CouponsAsync(customer)).Count(c => c.OrderId == id) == 1, "the compensation coupon is issued");
        await RedeliverTwiceAsync(id, rider, customer);

        var coupon = (await CouponsAsync(customer)).Single(c => c.OrderId == id);
        coupon.AmountFen.ShouldBe(500);
        coupon.Used.ShouldBeFalse();
        coupon.ExpiresAt.ShouldBeGreaterThan(app.Clock.GetUtcNow());

        var outcome = (await app.CustomerViewAsync(id, customer))["guaranteeOutcome"]!;
        outcome["outcome"]!.GetValue<string>().ShouldBe("missed");
        outcome["minutesLate"]!.GetValue<int>().ShouldBe(7);
        outcome["coupon"]!["id"]!.GetValue<Guid>().ShouldBe(coupon.Id, "the order names the coupon it earned");
        outcome["coupon"]!["amountFen"]!.GetValue<long>().ShouldBe(500);
        outcome["coupon"]!["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(coupon.ExpiresAt);
    }

    [Fact]
    public async Task a_guaranteed_order_delivered_within_trackings_promised_window_earns_no_coupon()
    {
        const int customer = 2, rider = 3;
        var (id, _) = await GuaranteedAsync(customer);
        var promised = (await PromisedAsync(id, customer))["promisedWindow"]!["promisedAt"]!.GetValue<DateTimeOffset>();
        await DeliverAsync(id, rider, beforeDelivery: () =>
        {
            while (app.Clock.GetUtcNow() < promised + TimeSpan.FromMinutes(2))
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        });

        await RedeliverTwiceAsync(id, rider, customer);
        (await CouponsAsync(customer)).ShouldNotContain(c => c.OrderId == id);

        var outcome = (await app.CustomerViewAsync(id, customer))["guaranteeOutcome"]!;
        outcome["outcome"]!.GetValue<string>().ShouldBe("kept");
        outcome["minutesLate"].ShouldBeNull();
        outcome["coupon"].ShouldBeNull();
    }

    [Fact]
    public async Task a_promise_that_arrives_only_after_a_late_delivery_still_earns_exactly_one_coupon()
    {
        const int customer = 3, rider = 4;
        var (id, _) = await GuaranteedAsync(customer);
        var promised = (await PromisedAsync(id, customer))["promisedWindow"]!["promisedAt"]!.GetValue<DateTimeOffset>();

        // As if Tracking's promise were still on its way when the food arrives late.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.Where(o => o.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.PromisedAt, (DateTimeOffset?)null));
        }

        await DeliverAsync(id, rider, beforeDelivery: () =>
        {
            while (app.Clock.GetUtcNow() <= promised + TimeSpan.FromMinutes(3))
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        });
        await PromiseAgainAsync(id, promised);

        (await CouponsAsync(customer)).Count(c => c.OrderId == id).ShouldBe(1);
        await RedeliverTwiceAsync(id, rider, customer);
        (await CouponsAsync(customer)).Count(c => c.OrderId == id).ShouldBe(1);
    }

    [Fact]
    public async Task a_locker_order_is_routed_to_the_locker_and_cannot_end_without_its_pickup_code()
    {
        const int customer = 5, rider = 5;
        var lockers = await JsonOf(await app.Client().GetAsync($"/api/zones/{EastZone}/lockers"));
        var canteen = lockers.AsArray().Single(l => l!["id"]!.GetValue<Guid>() == CanteenLocker)!;
        (await app.Client().GetAsync($"/api/zones/{Guid.NewGuid()}/lockers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var missing = await PlaceAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { delivery = "locker" }), Guid.NewGuid().ToString());
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("lockerId");

        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { delivery = "locker", lockerId = CanteenLocker }));
        order["delivery"]!.GetValue<string>().ShouldBe("locker");
        order["address"]!["latitude"]!.GetValue<double>().ShouldBe(canteen["latitude"]!.GetValue<double>());
        var id = await app.AcceptPaidAsync(order, customer, prepMinutes: 10);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await app.OnlineAsync(rider);
            var (_, offerId) = await app.OfferedAsync(id, rider);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "RiderAssigned", "the rider is recorded");

            // Offers show only the distance; the taken task is where the drop-off point shows.
            var dropOff = (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray().Single(t => t!["orderId"]!.GetValue<Guid>() == id)!["dropOff"]!;
            dropOff["latitude"]!.GetValue<double>().ShouldBe(canteen["latitude"]!.GetValue<double>());
            dropOff["longitude"]!.GetValue<double>().ShouldBe(canteen["longitude"]!.GetValue<double>());
            (await app.StepAsync(rider, id, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, id, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var atDoor = await app.StepAsync(rider, id, "deliver", new { method = "door" });
            atDoor.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await atDoor.Content.ReadAsStringAsync()).ShouldContain("method");
            (await app.StatusAsync(id, customer)).ShouldBe("PickedUp");

            (await app.StepAsync(rider, id, "deliver", new { method = "locker", locker = "东区食堂外卖柜" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var mine = await app.CustomerViewAsync(id, customer);
            mine["pickupCode"]!.GetValue<string>().ShouldMatch("^[0-9]{6}$");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task the_rider_sees_which_locker_a_locker_order_goes_to_and_cannot_deliver_it_into_another()
    {
        const int customer = 4, rider = 6;
        var id = await app.ReadyLockerOrderAsync(customer);
        try
        {
            await app.AssignAsync(id, rider);
            var view = await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{id}"));
            view["delivery"]!.GetValue<string>().ShouldBe("locker");
            view["lockerName"]!.GetValue<string>().ShouldBe(CanteenLockerName);
            view["lockerId"]!.GetValue<Guid>().ShouldBe(CanteenLocker);
            (await app.StepAsync(rider, id, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, id, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var elsewhere = await app.StepAsync(rider, id, "deliver", new { method = "locker", locker = "3号楼外卖柜 A12" });
            elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            elsewhere.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await JsonOf(elsewhere))["field"]!.GetValue<string>().ShouldBe("locker");
            (await app.StatusAsync(id, customer)).ShouldBe("PickedUp");

            // The name as the rider app sends it back, padded or not, is the order's own locker.
            var answer = await JsonOf(await app.StepAsync(rider, id, "deliver", new { method = "locker", locker = $" {CanteenLockerName} " }));
            answer["status"]!.GetValue<string>().ShouldBe("Delivered");
            answer["locker"]!.GetValue<string>().ShouldBe(CanteenLockerName);
            (await app.CustomerViewAsync(id, customer))["pickupCode"]!.GetValue<string>().ShouldMatch("^[0-9]{6}$");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task only_an_operator_flags_bad_weather_and_only_for_a_known_zone()
    {
        var ops = app.Client(TestTokens.Operator());
        var flagged = await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = true });
        flagged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(flagged))["badWeather"]!.GetValue<bool>().ShouldBeTrue();
        (await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ops.PutAsJsonAsync($"/api/ops/zones/{Guid.NewGuid()}/weather", new { badWeather = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await bad.Content.ReadAsStringAsync()).ShouldContain("badWeather");
        (await app.Client(TestTokens.Customer(1)).PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_dispatch_board_says_when_top_customers_weigh_more_bad_weather_or_too_few_riders()
    {
        var ops = app.Client(TestTokens.Operator());
        async Task<System.Text.Json.Nodes.JsonNode> BoardAsync() => await JsonOf(await ops.GetAsync($"/api/ops/zones/{EastZone}/dispatch"));

        (await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BoardAsync())["badWeather"]!.GetValue<bool>().ShouldBeTrue();
        (await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BoardAsync())["badWeather"]!.GetValue<bool>().ShouldBeFalse();

        // A ready order and no rider online: the round finds the zone short; once a rider carries it, it is not.
        const int rider = 3;
        var orderId = await app.AcceptedOrderAsync(customer: 1, ready: true);
        try
        {
            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    await app.Zone(EastZone).RunRound();
                    return (await BoardAsync())["shortOfRiders"]!.GetValue<bool>();
                },
                "the round finds an order and no rider");
            await app.AssignAsync(orderId, rider);
            await app.Zone(EastZone).RunRound();
            (await BoardAsync())["shortOfRiders"]!.GetValue<bool>().ShouldBeFalse();
            foreach (var step in new[] { "arrive", "pickup", "arrive-customer" })
            {
                (await app.StepAsync(rider, orderId, step)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private async Task<(Guid Id, System.Text.Json.Nodes.JsonNode Placed)> GuaranteedAsync(int customer)
    {
        var placed = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "guaranteed" }));
        placed["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
        placed["promisedWindow"].ShouldBeNull();
        return (await app.AcceptPaidAsync(placed, customer, prepMinutes: 10), placed);
    }

    /// <summary>
    /// Tracking promises asynchronously after acceptance; the window Ordering shows must be exactly that promise
    /// (Tracking's ETA at acceptance), not an estimate of Ordering's own.
    /// </summary>
    private async Task<System.Text.Json.Nodes.JsonNode> PromisedAsync(Guid id, int customer)
    {
        System.Text.Json.Nodes.JsonNode view = null!;
        await PaymentProbe.EventuallyAsync(
            async () => (view = await app.CustomerViewAsync(id, customer))["promisedWindow"] is not null, "Tracking's promise reaches the order");
        var accepted = new OrderAccepted(id, Shop, EastZone, view["prepMinutes"]!.GetValue<int>(), view["acceptedAt"]!.GetValue<DateTimeOffset>());
        await using var scope = app.Services.CreateAsyncScope();
        var tracking = await scope.ServiceProvider.GetRequiredService<Kaifan.Tracking.Eta.IDeliveryPromises>().PromiseAsync(accepted, CancellationToken.None);
        // Ordering's old estimate was minutes away from Tracking's; within a second is the storage's rounding.
        view["promisedWindow"]!["promisedAt"]!.GetValue<DateTimeOffset>().ShouldBe(tracking!.PromisedAt, TimeSpan.FromSeconds(1));
        return view;
    }

    private async Task PromiseAgainAsync(Guid id, DateTimeOffset promisedAt)
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DeliveryPromisedHandler.Handle(
                new DeliveryPromised(id, EastZone, Shop, promisedAt, app.Clock.GetUtcNow(), 10, "stated", 0, 2, 5, 2),
                scope.ServiceProvider.GetRequiredService<OrderingDb>(),
                CancellationToken.None);
        }
    }

    /// <summary>The event delivered twice more, straight into Ordering's handler (at-least-once delivery's worst case).</summary>
    private async Task RedeliverTwiceAsync(Guid id, int rider, int customer)
    {
        var delivered = await app.CustomerViewAsync(id, customer);
        var again = new OrderDelivered(id, DemoCampus.RiderId(rider), "door", null, delivered["deliveredAt"]!.GetValue<DateTimeOffset>());
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await GuaranteeCompensationHandler.Handle(again, scope.ServiceProvider.GetRequiredService<OrderingDb>(), CancellationToken.None);
        }
    }

    private async Task DeliverAsync(Guid id, int rider, Action beforeDelivery)
    {
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await app.AssignAsync(id, rider);
            (await app.StepAsync(rider, id, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, id, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            beforeDelivery();
            (await app.StepAsync(rider, id, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private sealed record CouponView(Guid Id, long AmountFen, string Reason, Guid? OrderId, DateTimeOffset ExpiresAt, bool Used);

    private async Task<List<CouponView>> CouponsAsync(int customer) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<List<CouponView>>("/api/me/coupons"))!;
}

public sealed class ServiceTiersOnSqlite(LunchtimeSqliteApp app) : ServiceTierTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ServiceTiersOnPostgres(LunchtimePostgresApp app) : ServiceTierTests(app), IClassFixture<LunchtimePostgresApp>;
