using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Tracking;

/// <summary>The customer's live order page over Server-Sent Events, driven by real orders through the real API.</summary>
public abstract class OrderStreamTests(LiveTrackingApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task the_customer_stream_tells_every_step_once_in_order_with_a_fresh_eta_and_its_riders_position_only_after_pickup_then_ends()
    {
        const int rider = 2, otherRider = 5;
        var customer = app.Client(TestTokens.Customer(2));
        var order = await PlacedAsync(customer, BeefRiceAndTea(2));
        var id = IdOf(order);

        var (response, opened) = await SseReader.OpenAsync(customer, $"/api/orders/{id}/events");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        await using var stream = opened!;

        var snapshot = await stream.UntilAsync(_ => true, Patience);
        snapshot.Event.ShouldBe("snapshot");
        snapshot.Data["title"]!.GetValue<string>().ShouldBe("待付款");
        var timeline = snapshot.Data["timeline"]!.AsArray();
        timeline[0]!["step"]!.GetValue<string>().ShouldBe("placed");
        timeline.Count(s => s!["at"] is not null).ShouldBe(1);
        snapshot.Data["eta"]!["basis"]!["prepRemaining"]!.GetValue<double>().ShouldBe(15);
        snapshot.Data["rider"].ShouldBeNull();

        await app.PayAsync(order);
        await stream.UntilAsync(e => e.Event == "status", Patience);
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterAccept = await stream.UntilAsync(e => e.Event == "eta" && e.Data["basis"]!["prepRemaining"]!.GetValue<double>() == 12, Patience);
        afterAccept.Data["minutesLeft"]!.GetValue<int>().ShouldBeGreaterThan(12);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await stream.UntilAsync(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "ready", Patience);
        var afterReady = await stream.UntilAsync(e => e.Event == "eta", Patience);
        afterReady.Data["basis"]!["prepRemaining"]!.GetValue<double>().ShouldBe(0);

        var statuses = stream.Seen.Where(e => e.Event == "status").ToList();
        statuses.Select(e => e.Data["step"]!.GetValue<string>()).ShouldBe(["paid", "accepted", "ready"]);
        statuses.Last().Data["title"]!.GetValue<string>().ShouldBe("商家已出餐·等待骑手");
        stream.Seen.Count(e => e.Event == "eta").ShouldBe(3);

        // Many position intervals later still nothing about a rider: the order has not been picked up.
        (await stream.NextAsync(TimeSpan.FromSeconds(1))).ShouldBeNull();

        try
        {
            await app.TakeAsync(id, rider);
            await stream.UntilAsync(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "riderAssigned", Patience);

            // Another rider in the zone, online only now so that the order is not offered to it, shares its way throughout.
            await app.OnlineAsync(otherRider, latOffset: -0.01);

            // On the way to the shop the rider shares positions, but the customer's map shows none yet.
            await app.PingAsync(rider, EastLat + 0.0005, EastLon);
            await app.PingAsync(otherRider, EastLat - 0.011, EastLon);
            await app.StepOkAsync(rider, id, "arrive");
            await stream.UntilAsync(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "arrived", Patience);
            await stream.UntilAsync(e => e.Event == "eta", Patience);
            await app.PingAsync(rider, EastLat + 0.0006, EastLon);
            (await stream.NextAsync(TimeSpan.FromSeconds(1))).ShouldBeNull();

            await app.StepOkAsync(rider, id, "pickup");
            await stream.UntilAsync(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "pickedUp", Patience);
            var afterPickup = await stream.UntilAsync(e => e.Event == "eta", Patience);
            afterPickup.Data["basis"]!["riderFrom"]!.GetValue<string>().ShouldBe("rider");
            afterPickup.Data["basis"]!["travelToMerchant"]!.GetValue<double>().ShouldBe(0);
            await stream.UntilAsync(e => e.Event == "position", Patience);

            for (var i = 1; i <= 3; i++)
            {
                await app.PingAsync(rider, EastLat + i * 0.001, EastLon);
                await app.PingAsync(otherRider, EastLat - 0.01 - i * 0.001, EastLon + 0.002);
            }

            var latest = await stream.UntilAsync(e => e.Event == "position" && Math.Abs(e.Data["latitude"]!.GetValue<double>() - (EastLat + 0.003)) < 1e-9, Patience);
            latest.Data["longitude"]!.GetValue<double>().ShouldBe(EastLon, 1e-9);
            latest.Data["at"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow().AddSeconds(-5));

            await app.StepOkAsync(rider, id, "deliver", new { method = "door" });
            await stream.UntilAsync(e => e.Event == "end", Patience);
            (await stream.NextAsync(TimeSpan.FromSeconds(1))).ShouldBeNull();
        }
        finally
        {
            await app.OfflineAsync(rider, otherRider);
        }

        var seen = stream.Seen;
        var told = seen.Where(e => e.Event == "status").ToList();
        told.Select(e => e.Data["step"]!.GetValue<string>()).ShouldBe(["paid", "accepted", "ready", "riderAssigned", "arrived", "pickedUp", "delivered"]);
        told.Select(e => e.Id).ShouldBe(told.Select(e => e.Data["step"]!.GetValue<string>()));
        told.Last().Data["title"]!.GetValue<string>().ShouldBe("已送达");

        // Each step (or run of steps told together) is followed by the ETA it changed.
        for (var i = 0; i < seen.Count; i++)
        {
            if (seen[i].Event == "status")
            {
                (i + 1 < seen.Count && seen[i + 1].Event is "status" or "eta").ShouldBeTrue($"after {seen[i].Data["step"]} came {(i + 1 < seen.Count ? seen[i + 1].Event : "nothing")}");
            }
        }

        var pickedUpAt = seen.FindIndex(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "pickedUp");
        var deliveredAt = seen.FindIndex(e => e.Event == "status" && e.Data["step"]!.GetValue<string>() == "delivered");
        var positions = seen.Select((e, i) => (e, i)).Where(p => p.e.Event == "position").ToList();
        positions.ShouldNotBeEmpty();
        positions.ShouldAllBe(p => p.i > pickedUpAt && p.i < deliveredAt);
        positions.ShouldAllBe(p => p.e.Data["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(rider) && p.e.Data["orderId"]!.GetValue<Guid>() == id);
        positions.ShouldAllBe(p => p.e.Data["latitude"]!.GetValue<double>() > EastLat);
        seen[deliveredAt + 1].Event.ShouldBe("eta");
        seen[deliveredAt + 1].Data["etaAt"].ShouldBeNull();
        seen.Last().Event.ShouldBe("end");
        seen.Last().Data["title"]!.GetValue<string>().ShouldBe("已送达");
    }

    [Fact]
    public async Task a_stream_reopened_on_the_way_starts_from_a_snapshot_with_the_riders_position()
    {
        const int rider = 3;
        var id = await app.AcceptedOrderAsync(3, ready: true);
        try
        {
            await app.TakeAsync(id, rider);
            await app.StepOkAsync(rider, id, "arrive");
            await app.StepOkAsync(rider, id, "pickup");
            await app.PingAsync(rider, EastLat + 0.002, EastLon + 0.001);
            // Pings are buffered and flushed to the rider's grain a moment later: open the stream once it has landed.
            await PaymentProbe.EventuallyAsync(
                async () => (await JsonOf(await app.Client(TestTokens.Customer(3)).GetAsync($"/api/orders/{id}/map")))["rider"]?["latitude"]?.GetValue<double>() is { } lat
                    && Math.Abs(lat - (EastLat + 0.002)) < 1e-9,
                "the ping reaches the rider's live position");

            var (_, opened) = await SseReader.OpenAsync(app.Client(TestTokens.Customer(3)), $"/api/orders/{id}/events", lastEventId: "arrived");
            await using var stream = opened!;
            var snapshot = await stream.UntilAsync(_ => true, Patience);

            snapshot.Event.ShouldBe("snapshot");
            snapshot.Data["title"]!.GetValue<string>().ShouldBe("骑手已取餐·配送中");
            snapshot.Data["timeline"]!.AsArray().Where(s => s!["at"] is not null).Select(s => s!["step"]!.GetValue<string>())
                .ShouldBe(["placed", "paid", "accepted", "ready", "riderAssigned", "arrived", "pickedUp"]);
            var position = snapshot.Data["rider"]!;
            position["riderId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(rider));
            position["orderId"]!.GetValue<Guid>().ShouldBe(id);
            position["latitude"]!.GetValue<double>().ShouldBe(EastLat + 0.002, 1e-9);
            position["longitude"]!.GetValue<double>().ShouldBe(EastLon + 0.001, 1e-9);
            position["at"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow());
            snapshot.Data["eta"]!["basis"]!["riderFrom"]!.GetValue<string>().ShouldBe("rider");

            // Nothing new happened: the stream does not repeat the position the snapshot already showed.
            (await stream.NextAsync(TimeSpan.FromSeconds(1))).ShouldBeNull();
            await app.PingAsync(rider, EastLat + 0.003, EastLon + 0.001);
            var moved = await stream.UntilAsync(e => e.Event == "position", Patience);
            moved.Data["latitude"]!.GetValue<double>().ShouldBe(EastLat + 0.003, 1e-9);
            stream.Seen.ShouldNotContain(e => e.Event == "status");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_reconnect_starts_from_a_fresh_snapshot_with_every_step_so_far()
    {
        var customer = app.Client(TestTokens.Customer(4));
        var order = await PlacedAsync(customer, BeefRiceAndTea(4));
        var id = IdOf(order);
        await app.PayAsync(order);
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (_, opened) = await SseReader.OpenAsync(customer, $"/api/orders/{id}/events", lastEventId: "paid");
        await using var stream = opened!;
        var snapshot = await stream.UntilAsync(_ => true, Patience);
        snapshot.Event.ShouldBe("snapshot");
        snapshot.Data["timeline"]!.AsArray().Where(s => s!["at"] is not null).Select(s => s!["step"]!.GetValue<string>())
            .ShouldBe(["placed", "paid", "accepted"]);
        snapshot.Data["title"]!.GetValue<string>().ShouldBe("商家已接单");
    }

    [Fact]
    public async Task a_cancelled_order_streams_its_cancellation_and_ends()
    {
        var customer = app.Client(TestTokens.Customer(1));
        var order = await PlacedAsync(customer, BeefRiceAndTea(1));
        var id = IdOf(order);
        var (_, opened) = await SseReader.OpenAsync(customer, $"/api/orders/{id}/events");
        await using var stream = opened!;
        await stream.UntilAsync(e => e.Event == "snapshot", Patience);

        (await customer.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "点错了" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelled = await stream.UntilAsync(e => e.Event == "status", Patience);
        cancelled.Data["step"]!.GetValue<string>().ShouldBe("cancelled");
        await stream.UntilAsync(e => e.Event == "end", Patience);
        (await stream.NextAsync(TimeSpan.FromSeconds(2))).ShouldBeNull();
    }

    [Fact]
    public async Task another_customers_order_stream_and_eta_answer_404()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(3)), BeefRiceAndTea(3));
        var stranger = app.Client(TestTokens.Customer(5));

        var (response, reader) = await SseReader.OpenAsync(stranger, $"/api/orders/{IdOf(order)}/events");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        reader.ShouldBeNull();
        (await SseReader.OpenAsync(stranger, $"/api/orders/{Guid.NewGuid()}/events")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/orders/{IdOf(order)}/eta")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SseReader.OpenAsync(app.Staff(), $"/api/orders/{IdOf(order)}/events")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_eta_endpoint_shows_the_estimate_and_its_basis_to_the_owner()
    {
        var customer = app.Client(TestTokens.Customer(5));
        var order = await PlacedAsync(customer, BeefRiceAndTea(5));
        await app.PayAsync(order);
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{IdOf(order)}/accept", new { prepMinutes = 20 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var eta = await JsonOf(await customer.GetAsync($"/api/orders/{IdOf(order)}/eta"));
        var basis = eta["basis"]!;
        basis["prepRemaining"]!.GetValue<double>().ShouldBe(20);
        basis["travelToMerchant"]!.GetValue<double>().ShouldBe(0);
        basis["travelToCustomer"]!.GetValue<double>().ShouldBeGreaterThan(0);
        basis["service"]!.GetValue<double>().ShouldBe(5);
        basis["riderFrom"]!.GetValue<string>().ShouldBe("merchant");
        eta["minutesLeft"]!.GetValue<int>().ShouldBeInRange(25, 26 + (int)Math.Ceiling(basis["travelToCustomer"]!.GetValue<double>()));
        eta["etaAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(app.Clock.GetUtcNow().AddMinutes(25));
    }
}

public sealed class OrderStreamOnSqlite(LiveTrackingSqliteApp app) : OrderStreamTests(app), IClassFixture<LiveTrackingSqliteApp>;

public sealed class OrderStreamOnPostgres(LiveTrackingPostgresApp app) : OrderStreamTests(app), IClassFixture<LiveTrackingPostgresApp>;
