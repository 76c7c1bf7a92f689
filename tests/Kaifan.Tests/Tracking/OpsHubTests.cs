using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Tracking;

/// <summary>The staff consoles' SignalR hub: a shop hears its own orders only, operators hear all; riders hear only their own notices.</summary>
public abstract class OpsHubTests(LiveTrackingApp app)
{
    private sealed record Heard(Guid OrderId, Guid MerchantId, string Step);

    private sealed record Dot(Guid ZoneId, Guid RiderId, double Latitude, double Longitude, DateTimeOffset At, Guid[] OrderIds);

    [Fact]
    public async Task a_merchant_console_hears_its_own_orders_steps_and_not_another_shops()
    {
        var noodleShop = new ConcurrentQueue<Heard>();
        var otherShop = new ConcurrentQueue<Heard>();
        var ops = new ConcurrentQueue<Heard>();
        await using var noodleConsole = await ConnectAsync(TestTokens.MerchantStaff(NoodleShop), noodleShop);
        await using var otherConsole = await ConnectAsync(TestTokens.MerchantStaff(2), otherShop);
        await using var opsConsole = await ConnectAsync(TestTokens.Operator(), ops);

        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), BeefRiceAndTea(1));
        var id = IdOf(order);
        await app.PayAsync(order);
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each event type travels its own durable queue, so steps may arrive in any order: wait for all four.
        string[] steps = ["placed", "paid", "accepted", "ready"];
        await EventuallyAsync(() => steps.All(step => noodleShop.Any(h => h.OrderId == id && h.Step == step) && ops.Any(h => h.OrderId == id && h.Step == step)));
        noodleShop.Where(h => h.OrderId == id).Select(h => h.Step).Distinct().Order()
            .ShouldBe(steps.Order());
        noodleShop.ShouldAllBe(h => h.MerchantId == Shop);
        otherShop.ShouldNotContain(h => h.OrderId == id);
        otherShop.ShouldAllBe(h => h.MerchantId != Shop);
    }

    [Fact]
    public async Task an_operator_watching_the_zone_sees_the_delivering_rider_move_and_the_shop_hears_every_rider_step_of_its_order()
    {
        const int customer = 4, rider = 4;
        var noodleShop = new ConcurrentQueue<Heard>();
        var otherShop = new ConcurrentQueue<Heard>();
        var dots = new ConcurrentQueue<Dot>();
        var shopDots = new ConcurrentQueue<Dot>();
        await using var noodleConsole = await ConnectAsync(TestTokens.MerchantStaff(NoodleShop), noodleShop, shopDots);
        await using var otherConsole = await ConnectAsync(TestTokens.MerchantStaff(2), otherShop);
        await using var opsConsole = await ConnectAsync(TestTokens.Operator(), new(), dots);
        await opsConsole.InvokeAsync("WatchZone", EastZone);

        var id = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.TakeAsync(id, rider);
            await app.StepOkAsync(rider, id, "arrive");
            await app.StepOkAsync(rider, id, "pickup");
            for (var i = 1; i <= 3; i++)
            {
                await app.PingAsync(rider, EastLat + i * 0.001, EastLon + 0.001);
            }

            var ridersLatest = app.Clock.GetUtcNow();
            await EventuallyAsync(() => dots.Any(d => d.RiderId == DemoCampus.RiderId(rider) && d.At == ridersLatest));
            var dot = dots.Last(d => d.RiderId == DemoCampus.RiderId(rider));
            (dot.ZoneId, dot.Latitude, dot.Longitude).ShouldBe((EastZone, EastLat + 0.003, EastLon + 0.001));
            dot.OrderIds.ShouldContain(id);

            await app.StepOkAsync(rider, id, "deliver", new { method = "door" });
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        string[] riderSteps = ["riderAssigned", "arrived", "pickedUp", "delivered"];
        await EventuallyAsync(() => noodleShop.Any(h => h.OrderId == id && h.Step == "delivered") && riderSteps.All(s => noodleShop.Any(h => h.OrderId == id && h.Step == s)));
        noodleShop.Where(h => h.OrderId == id).Select(h => h.Step).Distinct().ShouldBe(["placed", "paid", "accepted", "ready", .. riderSteps], ignoreOrder: true);
        noodleShop.ShouldAllBe(h => h.MerchantId == Shop);
        otherShop.ShouldNotContain(h => h.OrderId == id);
        shopDots.ShouldBeEmpty();
        dots.ShouldAllBe(d => d.ZoneId == EastZone);
    }

    [Fact]
    public async Task customers_cannot_join_the_ops_hub_and_merchants_and_riders_cannot_watch_zones()
    {
        await Should.ThrowAsync<Exception>(() => ConnectAsync(TestTokens.Customer(2), new()));
        await Should.ThrowAsync<Exception>(() => ConnectAsync(null, new()));

        await using var merchant = await ConnectAsync(TestTokens.MerchantStaff(NoodleShop), new());
        await Should.ThrowAsync<HubException>(() => merchant.InvokeAsync("WatchZone", Guid.NewGuid()));
        // A rider's app joins for its own notices only (RiderReassignNoticeTests), never the zone's positions.
        await using var rider = await ConnectAsync(TestTokens.Rider(1), new());
        await Should.ThrowAsync<HubException>(() => rider.InvokeAsync("WatchZone", Guid.NewGuid()));
        await using var ops = await ConnectAsync(TestTokens.Operator(), new());
        await ops.InvokeAsync("WatchZone", Guid.NewGuid());
    }

    /// <summary>A console's line (<see cref="OpsHubLine"/>), recording what it hears.</summary>
    private async Task<HubConnection> ConnectAsync(string? token, ConcurrentQueue<Heard> heard, ConcurrentQueue<Dot>? dots = null)
    {
        var hub = OpsHubLine.To(app.Client().BaseAddress!, token);
        hub.On<Heard>("orderStatus", heard.Enqueue);
        if (dots is not null)
        {
            hub.On<Dot>("riderPosition", dots.Enqueue);
        }
        await hub.StartAsync();
        return hub;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consoles did not hear the order in time");
            await Task.Delay(100);
        }
    }
}

public sealed class OpsHubOnSqlite(LiveTrackingSqliteApp app) : OpsHubTests(app), IClassFixture<LiveTrackingSqliteApp>;

public sealed class OpsHubOnPostgres(LiveTrackingPostgresApp app) : OpsHubTests(app), IClassFixture<LiveTrackingPostgresApp>;
