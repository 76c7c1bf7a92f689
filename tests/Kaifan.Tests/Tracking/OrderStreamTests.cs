using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Tracking;

/// <summary>The customer's live order page over Server-Sent Events, driven by real orders through the real API.</summary>
public abstract class OrderStreamTests(LunchtimeApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task the_customer_stream_tells_each_step_in_order_with_a_fresh_eta_and_no_rider_before_pickup()
    {
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
        statuses.Select(e => e.Id).ShouldBe(["paid", "accepted", "ready"]);
        statuses.Last().Data["title"]!.GetValue<string>().ShouldBe("商家已出餐·等待骑手");
        stream.Seen.Count(e => e.Event == "eta").ShouldBe(3);

        // A few position intervals later still nothing about a rider: the order has not been picked up.
        (await stream.NextAsync(TimeSpan.FromSeconds(4))).ShouldBeNull();
        stream.Seen.ShouldNotContain(e => e.Event == "position");

        // TODO(after feature/delivery merges): go on through the rider flow — assign, arrive, pick up (then
        // `position` events for this order's rider only, every few seconds), deliver (then `end`).
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

public sealed class OrderStreamOnSqlite(LunchtimeSqliteApp app) : OrderStreamTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OrderStreamOnPostgres(LunchtimePostgresApp app) : OrderStreamTests(app), IClassFixture<LunchtimePostgresApp>;
