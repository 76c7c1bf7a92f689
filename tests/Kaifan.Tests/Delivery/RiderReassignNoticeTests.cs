using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.AspNetCore.SignalR.Client;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// An operator's reassignment reaches the riders' open apps live over /hubs/ops: the rider who lost the order hears
/// `orderReassigned`, the rider offered it hears `offerMade`, and each finds the new state when they ask at once.
/// </summary>
public abstract class RiderReassignNoticeTests(LunchtimeApp app)
{
    private sealed record Notice(Guid OrderId, DateTimeOffset At);

    private sealed class Ears
    {
        public ConcurrentQueue<Guid> Lost { get; } = new();
        public ConcurrentQueue<Guid> Offered { get; } = new();
        public ConcurrentQueue<Guid> Steps { get; } = new();
    }

    private sealed record Heard(Guid OrderId);

    private HttpClient Ops => app.Client(TestTokens.Operator());

    [Fact]
    public async Task moving_a_taken_order_to_another_rider_tells_the_one_who_lost_it_and_the_one_offered_it_at_once()
    {
        const int customer = 1, first = 4, second = 5;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, first);
            await app.OnlineAsync(second);
            var (firstEars, secondEars, opsEars) = (new Ears(), new Ears(), new Ears());
            await using var firstApp = await ListenAsync(TestTokens.Rider(first), firstEars);
            await using var secondApp = await ListenAsync(TestTokens.Rider(second), secondEars);
            await using var console = await ListenAsync(TestTokens.Operator(), opsEars);

            var response = await Ops.PostAsJsonAsync($"/api/ops/orders/{orderId}/reassign", new { riderId = DemoCampus.RiderId(second) });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

            await PaymentProbe.EventuallyAsync(() => Task.FromResult(firstEars.Lost.Contains(orderId)), "the first rider's app hears the order is gone");
            (await app.TaskIdsAsync(first)).ShouldNotContain(orderId, "the card the notice removes is gone from the API too");
            await PaymentProbe.EventuallyAsync(() => Task.FromResult(secondEars.Offered.Contains(orderId)), "the second rider's app hears of the offer");
            var offer = (await app.OfferOfAsync(second, orderId)).ShouldNotBeNull("the offer the notice announces is there when the app asks");

            (await app.Rider(second).PostAsync($"/api/rider/offers/{offer["offerId"]!.GetValue<Guid>()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            // Once the console has heard the new rider's step, the riders would have heard it too if they could.
            await PaymentProbe.EventuallyAsync(() => Task.FromResult(opsEars.Steps.Contains(orderId)), "the ops console hears the new rider's 骑手已接单");
            firstEars.Offered.ShouldBeEmpty();
            secondEars.Lost.ShouldBeEmpty();
            firstEars.Steps.Concat(secondEars.Steps).ShouldBeEmpty("riders never hear the consoles' order steps");
        }
        finally
        {
            await app.OfflineAsync(first, second);
        }
    }

    [Fact]
    public async Task sending_an_offered_order_back_to_pending_tells_the_rider_who_held_the_offer()
    {
        const int customer = 2, rider = 6;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.OnlineAsync(rider);
            await app.OfferedAsync(orderId, rider);
            var ears = new Ears();
            await using var riderApp = await ListenAsync(TestTokens.Rider(rider), ears);

            (await Ops.PostAsync($"/api/ops/orders/{orderId}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            await PaymentProbe.EventuallyAsync(() => Task.FromResult(ears.Lost.Contains(orderId)), "the rider's app hears the offer is gone");
            (await app.OfferOfAsync(rider, orderId)).ShouldBeNull();
            ears.Offered.ShouldBeEmpty("nobody was named, so nobody is offered it by the operator");

            // Withdrawn, not refused: the same rider may take it in a later round, which leaves nothing pending.
            var (_, offerId) = await app.OfferedAsync(orderId, rider);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    /// <summary>A rider app's (or the ops console's) line (<see cref="OpsHubLine"/>).</summary>
    private async Task<HubConnection> ListenAsync(string token, Ears ears)
    {
        var hub = OpsHubLine.To(app.Client().BaseAddress!, token);
        hub.On<Notice>("orderReassigned", n => ears.Lost.Enqueue(n.OrderId));
        hub.On<Notice>("offerMade", n => ears.Offered.Enqueue(n.OrderId));
        hub.On<Heard>("orderStatus", h => ears.Steps.Enqueue(h.OrderId));
        await hub.StartAsync();
        return hub;
    }
}

public sealed class RiderReassignNoticeOnSqlite(LunchtimeSqliteApp app) : RiderReassignNoticeTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderReassignNoticeOnPostgres(LunchtimePostgresApp app) : RiderReassignNoticeTests(app), IClassFixture<LunchtimePostgresApp>;
