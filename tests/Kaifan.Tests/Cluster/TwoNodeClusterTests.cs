using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Tracking;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Cluster;

/// <summary>Two hosts, one database, one Orleans cluster: the delivery loop works whichever host a request reaches.</summary>
public sealed class TwoNodeClusterTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private ClusterNode A => cluster.A;

    private ClusterNode B => cluster.B;

    [Fact]
    public async Task a_zone_has_one_activation_that_answers_the_same_from_both_hosts()
    {
        var zones = new[] { EastZone }.Concat(Enumerable.Range(0, 10).Select(_ => Guid.NewGuid())).ToList();

        // Fresh zones asked from both hosts at the same moment still get one activation each.
        var answers = await Task.WhenAll(zones.Select(async zone =>
        {
            var both = await Task.WhenAll(A.Zone(zone).Silo(), B.Zone(zone).Silo());
            return (Zone: zone, FromA: both[0], FromB: both[1]);
        }));

        answers.ShouldAllBe(a => a.FromA == a.FromB);
        var silos = new[] { A, B }.Select(n => n.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToString()).ToList();
        silos.Distinct().Count().ShouldBe(2);
        answers.ShouldAllBe(a => silos.Any(s => a.FromA.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task riders_accepting_offers_through_both_hosts_at_once_never_get_the_same_order()
    {
        var orderIds = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, 12).Chunk(4))
        {
            orderIds.AddRange(await Task.WhenAll(batch.Select(i => AcceptedOrderAsync(i % 2 == 0 ? A : B, customer: i % DemoCampus.CustomerCount + 1))));
        }

        var riders = Enumerable.Range(1, 6).ToArray();
        foreach (var rider in riders)
        {
            await (rider % 2 == 0 ? A : B).OnlineAsync(rider, latOffset: 0.0005 * rider);
        }

        var accepted = new ConcurrentBag<Guid>();
        var wins = new ConcurrentDictionary<Guid, int>();
        try
        {
            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    await Task.WhenAll(A.Zone(EastZone).RunRound(), B.Zone(EastZone).RunRound());
                    await Task.WhenAll(riders.Select(async rider =>
                    {
                        foreach (var offer in await (rider % 2 == 0 ? B : A).OffersAsync(rider))
                        {
                            var offerId = offer!["offerId"]!.GetValue<Guid>();

                            // The same accept arrives through both hosts at once, as a retrying app behind a load balancer would send it.
                            var answers = await Task.WhenAll(new[] { A, B }.Select(node => node.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)));
                            var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
                            wins.AddOrUpdate(offerId, ok, (_, n) => n + ok);
                            if (ok > 0)
                            {
                                foreach (var order in offer["orders"]!.AsArray())
                                {
                                    accepted.Add(order!["orderId"]!.GetValue<Guid>());
                                }
                            }
                        }
                    }));
                    return orderIds.All(accepted.Contains);
                },
                "all twelve orders are accepted",
                seconds: 40);
        }
        finally
        {
            await A.OfflineAsync(riders);
        }

        wins.Values.ShouldAllBe(n => n == 1);
        accepted.Count.ShouldBe(orderIds.Count);
        accepted.Distinct().Count().ShouldBe(orderIds.Count);

        await using var scope = B.Services.CreateAsyncScope();
        var jobs = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().Where(j => orderIds.Contains(j.OrderId)).ToListAsync();
        jobs.Count.ShouldBe(orderIds.Count);
        jobs.ShouldAllBe(j => j.RiderId != null && riders.Select(DemoCampus.RiderId).Contains(j.RiderId.Value));
    }

    [Fact]
    public async Task an_order_placed_through_one_host_is_dispatched_once_and_tracked_live_through_the_other()
    {
        const int customer = 5, rider = 9;
        var placed = await PlacedAsync(A.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1)));
        var orderId = IdOf(placed);

        // The customer's page is open on both hosts, and a console on each: whichever host's handler announces a
        // step, the other host's watchers hear it through Redis.
        var (_, onA) = await SseReader.OpenAsync(A.Client(TestTokens.Customer(customer)), $"/api/orders/{orderId}/events");
        var (_, onB) = await SseReader.OpenAsync(B.Client(TestTokens.Customer(customer)), $"/api/orders/{orderId}/events");
        await using var streamA = onA!;
        await using var streamB = onB!;
        (await streamB.UntilAsync(e => e.Event == "snapshot", Patience)).Data["title"]!.GetValue<string>().ShouldBe("待付款");
        var consoleHeard = new ConcurrentQueue<(string Host, Guid OrderId, string Step)>();
        await using var consoleA = await OpsConsoleAsync(A, "A", consoleHeard);
        await using var consoleB = await OpsConsoleAsync(B, "B", consoleHeard);

        var payment = await (await B.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await A.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await B.StatusAsync(orderId, customer) == "AwaitingAcceptance", "the sandbox payment arrives");
        (await B.Staff().PostAsJsonAsync($"/api/merchant/orders/{orderId}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await A.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        try
        {
            await B.OnlineAsync(rider);
            var (_, offerId) = await B.OfferedAsync(orderId, rider);
            (await A.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await B.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            await PaymentProbe.EventuallyAsync(
                async () => (await B.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.OK, "Ordering records the rider");
            (await B.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await A.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await B.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat + 0.001, longitude = EastLon })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await B.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await B.OfflineAsync(rider);
        }

        string[] steps = ["paid", "accepted", "ready", "riderAssigned", "arrived", "pickedUp", "delivered"];
        foreach (var stream in new[] { streamA, streamB })
        {
            await stream.UntilAsync(e => e.Event == "end", Patience);
            stream.Seen.Where(e => e.Event == "status").Select(e => e.Data["step"]!.GetValue<string>()).ShouldBe(steps);
        }

        await PaymentProbe.EventuallyAsync(
            () => Task.FromResult(new[] { "A", "B" }.All(host => consoleHeard.Any(h => h.Host == host && h.OrderId == orderId && h.Step == "delivered"))),
            "both hosts' ops consoles hear the delivery");

        await using var scope = A.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().SingleAsync(j => j.OrderId == orderId);
        job.RiderId.ShouldBe(DemoCampus.RiderId(rider));
        (await B.CustomerViewAsync(orderId, customer))["status"]!.GetValue<string>().ShouldBe("Delivered");
    }

    private static async Task<Guid> AcceptedOrderAsync(ClusterNode node, int customer)
    {
        node.SyncClock();
        return await node.AcceptedOrderAsync(customer);
    }

    private static async Task<HubConnection> OpsConsoleAsync(ClusterNode node, string name, ConcurrentQueue<(string, Guid, string)> heard)
    {
        var hub = OpsHubLine.To(node.Client().BaseAddress!, TestTokens.Operator());
        hub.On<JsonElement>("orderStatus", e => heard.Enqueue((name, e.GetProperty("orderId").GetGuid(), e.GetProperty("step").GetString()!)));
        await hub.StartAsync();
        return hub;
    }
}
