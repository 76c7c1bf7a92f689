using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Kaifan.Tests.Ordering.OrderingKit;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>The whole loop over HTTP: order, pay in the sandbox, accept, ready, a rider takes it to the door or a locker.</summary>
public abstract class DeliveryLoopTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_rider_takes_a_paid_order_from_offer_to_the_customers_door_while_sharing_the_way()
    {
        const int customer = 2, rider = 1;
        var client = app.Client(TestTokens.Customer(customer));
        var order = await PlacedAsync(client, Cart(customer, Line(ColdBeef, 1)));
        var orderId = IdOf(order);
        var payment = await (await client.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" })).Content.ReadFromJsonAsync<JsonElement>();
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(orderId, customer) == "AwaitingAcceptance", "the sandbox payment arrives");
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{orderId}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        try
        {
            await app.OnlineAsync(rider);
            var (_, offerId) = await app.OfferedAsync(orderId, rider);
            var offer = (await app.OfferOfAsync(rider, orderId))!;
            offer["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow().AddSeconds(30), TimeSpan.FromSeconds(1));

            // Before taking it the rider learns how far the door is from the shop, not where the customer lives.
            var (doorLat, doorLon) = DormOf(customer);
            var offered = offer["orders"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == orderId)!.AsObject();
            offered.ContainsKey("dropOff").ShouldBeFalse();
            var shop = new Kaifan.Contracts.GeoPoint(offered["pickup"]!["latitude"]!.GetValue<double>(), offered["pickup"]!["longitude"]!.GetValue<double>());
            offered["kilometresToDoor"]!.GetValue<double>().ShouldBe(shop.DistanceMetresTo(new(doorLat, doorLon)) / 1000, 0.051);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(orderId, customer) == "RiderAssigned", "the customer sees 骑手已接单");
            var assigned = await app.CustomerViewAsync(orderId, customer);
            assigned["statusText"]!.GetValue<string>().ShouldBe("骑手已接单");
            assigned["riderId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(rider));
            assigned["canCancel"]!.GetValue<bool>().ShouldBeFalse();
            var tasks = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"));
            var task = tasks.AsArray().Single(t => t!["orderId"]!.GetValue<Guid>() == orderId)!;
            task["stage"]!.GetValue<string>().ShouldBe("toMerchant");
            task["dropOff"]!["latitude"]!.GetValue<double>().ShouldBe(doorLat, 1e-6);
            var riderView = await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}"));
            riderView["address"]!["phone"]!.GetValue<string>().ShouldBe("138****0002");

            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StatusAsync(orderId, customer)).ShouldBe("ArrivedAtMerchant");
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.CustomerViewAsync(orderId, customer))["statusText"]!.GetValue<string>().ShouldBe("骑手已取餐·配送中");

            for (var i = 1; i <= 3; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(5));
                var ping = await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat + i * 0.001, longitude = EastLon });
                ping.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }

            var live = await app.Services.GetRequiredService<IRiderLocations>().GetAsync(DemoCampus.RiderId(rider), default);
            live.ShouldNotBeNull();
            live.Position.Latitude.ShouldBe(EastLat + 0.003, 1e-9);
            live.At.ShouldBe(app.Clock.GetUtcNow());
            await app.Services.GetServices<IHostedService>().OfType<PositionFlusher>().Single().FlushAsync(default);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var stored = await scope.ServiceProvider.GetRequiredService<DispatchDb>().RiderPositions.CountAsync(p => p.RiderId == DemoCampus.RiderId(rider));
                stored.ShouldBeGreaterThanOrEqualTo(3);
            }

            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var delivered = await app.CustomerViewAsync(orderId, customer);
            delivered["status"]!.GetValue<string>().ShouldBe("Delivered");
            delivered["statusText"]!.GetValue<string>().ShouldBe("已送达");
            delivered["deliveryMethod"]!.GetValue<string>().ShouldBe("door");
            delivered["pickupCode"].ShouldBeNull();
            delivered["timeline"]!.AsArray().Select(s => s!["reached"]!.GetValue<bool>()).ShouldAllBe(reached => reached);
            await PaymentProbe.EventuallyAsync(
                async () => (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray().All(t => t!["orderId"]!.GetValue<Guid>() != orderId),
                "the delivered order leaves the rider's tasks");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        (await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat, longitude = EastLon })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.Services.GetRequiredService<IRiderLocations>().GetAsync(DemoCampus.RiderId(rider), default)).ShouldBeNull();
    }

    [Fact]
    public async Task a_locker_delivery_shows_the_pickup_code_to_the_customer_and_to_no_one_else()
    {
        const int customer = 3, rider = 1;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "locker" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

            var answer = await JsonOf(await app.StepAsync(rider, orderId, "deliver", new { method = "locker", locker = "3号楼外卖柜 A12" }));
            answer["status"]!.GetValue<string>().ShouldBe("Delivered");
            answer["pickupCode"].ShouldBeNull();
            (await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")))["pickupCode"].ShouldBeNull();
            var board = (await JsonOf(await app.Staff().GetAsync("/api/merchant/orders"))).AsArray().Single(o => o!["id"]!.GetValue<Guid>() == orderId)!;
            board["pickupCode"].ShouldBeNull();

            var mine = await app.CustomerViewAsync(orderId, customer);
            mine["deliveryMethod"]!.GetValue<string>().ShouldBe("locker");
            mine["locker"]!.GetValue<string>().ShouldBe("3号楼外卖柜 A12");
            mine["pickupCode"]!.GetValue<string>().ShouldMatch("^[0-9]{6}$");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}

public sealed class DeliveryLoopOnSqlite(LunchtimeSqliteApp app) : DeliveryLoopTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class DeliveryLoopOnPostgres(LunchtimePostgresApp app) : DeliveryLoopTests(app), IClassFixture<LunchtimePostgresApp>;
