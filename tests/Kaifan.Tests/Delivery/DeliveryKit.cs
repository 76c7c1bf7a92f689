using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch.Zones;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>Orders brought to the dispatcher through the real API, and riders driven through the rider app's endpoints.</summary>
internal static class DeliveryKit
{
    public static readonly Guid EastZone = DemoCampus.ZoneId(1);

    /// <summary>东区's centre; the noodle shop is a few hundred metres away.</summary>
    public const double EastLat = 31.0250;
    public const double EastLon = 121.4420;

    public static HttpClient Rider(this KaifanApp app, int n) => app.Client(TestTokens.Rider(n));

    public static IZoneGrain Zone(this KaifanApp app, Guid zoneId) => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IZoneGrain>(zoneId);

    /// <summary>A paid order of the noodle shop, accepted with 10 minutes' prep (the fast path pays through the bus).</summary>
    public static async Task<Guid> AcceptedOrderAsync(this KaifanApp app, int customer, bool ready = false)
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1)));
        await app.PayAsync(order);
        var id = IdOf(order);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "AwaitingAcceptance", "the order is paid");
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (ready)
        {
            (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return id;
    }

    /// <summary>东区食堂外卖柜, the east zone's first locker.</summary>
    public static readonly Guid CanteenLocker = DemoCampus.Id("locker:1-1");

    public const string CanteenLockerName = "东区食堂外卖柜";

    /// <summary>A paid, accepted and ready order that the customer sent to the canteen's locker at checkout.</summary>
    public static async Task<Guid> ReadyLockerOrderAsync(this KaifanApp app, int customer)
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { delivery = "locker", lockerId = CanteenLocker }));
        var id = await app.AcceptPaidAsync(order, customer, prepMinutes: 10);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Dispatch's hold of a batch order (dispatch_jobs.hold_until), once the zone has written the order's job.</summary>
    public static async Task<DateTimeOffset?> HoldOfAsync(this KaifanApp app, Guid orderId)
    {
        DateTimeOffset? hold = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var job = await scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>().Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == orderId);
                hold = job?.HoldUntil;
                return job is not null;
            },
            "dispatch has the order's job");
        return hold;
    }

    public static async Task OnlineAsync(this KaifanApp app, int rider, double latOffset = 0, Guid? zone = null)
    {
        var response = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new { zoneId = zone ?? EastZone, latitude = EastLat + latOffset, longitude = EastLon });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The clock moves on and each online rider's app reports where they stand, as the app does every few seconds (a
    /// rider silent for minutes gets no offers); returns once dispatch has the reports. The apps report at once, as
    /// riders' phones do, so one flush of the host's ping buffer carries them all.
    /// </summary>
    public static async Task AdvanceAsync(this KaifanApp app, TimeSpan by, params int[] riders)
    {
        app.Clock.Advance(by);
        var now = app.Clock.GetUtcNow();
        await Task.WhenAll(riders.Select(rider => ReportAsync(app, rider, now)));
    }

    private static async Task ReportAsync(KaifanApp app, int rider, DateTimeOffset now)
    {
        var status = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/status"));
        if (!status["online"]!.GetValue<bool>())
        {
            return;
        }

        var here = new { latitude = status["latitude"]!.GetValue<double>(), longitude = status["longitude"]!.GetValue<double>() };
        (await app.Rider(rider).PostAsJsonAsync("/api/rider/location", here)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await PaymentProbe.EventuallyAsync(
            async () => (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/status")))["at"]!.GetValue<DateTimeOffset>() >= now,
            $"rider {rider}'s position reaches dispatch");
    }

    /// <summary>Stands where they are for <paramref name="by"/>, reporting every minute as a stuck rider's phone still does.</summary>
    public static async Task StandStillAsync(this KaifanApp app, TimeSpan by, params int[] riders)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromMinutes(1))
        {
            await app.AdvanceAsync(left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1), riders);
        }
    }

    /// <summary>The rider's app reports a new position; returns once dispatch has it.</summary>
    public static async Task MoveAsync(this KaifanApp app, int rider, double latitude, double longitude)
    {
        (await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude, longitude })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await PaymentProbe.EventuallyAsync(
            async () => Math.Abs((await JsonOf(await app.Rider(rider).GetAsync("/api/rider/status")))["latitude"]!.GetValue<double>() - latitude) < 1e-9,
            $"rider {rider}'s new position reaches dispatch");
    }

    /// <summary>到店 and 取餐; returns once the rider's task list says the food is on its way to the customer.</summary>
    public static async Task PickUpAsync(this KaifanApp app, int rider, Guid orderId)
    {
        (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(
            async () => (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray()
                .Any(t => t!["orderId"]!.GetValue<Guid>() == orderId && t["stage"]!.GetValue<string>() == "toCustomer"),
            "dispatch knows the food is picked up");
    }

    public static async Task<List<Guid>> TaskIdsAsync(this KaifanApp app, int rider) =>
        (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray().Select(t => t!["orderId"]!.GetValue<Guid>()).ToList();

    /// <summary>Where demo customer <paramref name="customer"/>'s dorm (their seeded address, the order's drop-off) is.</summary>
    public static (double Latitude, double Longitude) DormOf(int customer) => (31.0262 + customer * 0.0006, 121.4405 + customer * 0.0004);

    public static async Task OfflineAsync(this KaifanApp app, params int[] riders)
    {
        foreach (var rider in riders)
        {
            await app.Rider(rider).PostAsync("/api/rider/offline", null);
        }
    }

    public static async Task<JsonArray> OffersAsync(this KaifanApp app, int rider) =>
        (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/offers"))).AsArray();

    public static async Task<JsonNode?> OfferOfAsync(this KaifanApp app, int rider, Guid orderId) =>
        (await app.OffersAsync(rider)).FirstOrDefault(o => o!["orders"]!.AsArray().Any(x => x!["orderId"]!.GetValue<Guid>() == orderId));

    /// <summary>Runs rounds (the dispatcher learns of accepted orders asynchronously) until one of the riders holds an offer of the order.</summary>
    public static async Task<(int Rider, Guid OfferId)> OfferedAsync(this KaifanApp app, Guid orderId, params int[] riders)
    {
        (int, Guid)? found = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await app.Zone(EastZone).RunRound();
                foreach (var rider in riders)
                {
                    if (await app.OfferOfAsync(rider, orderId) is { } offer)
                    {
                        found = (rider, offer["offerId"]!.GetValue<Guid>());
                        return true;
                    }
                }

                return false;
            },
            $"order {orderId} is offered to one of riders {string.Join(',', riders)}");
        return found!.Value;
    }

    /// <summary>
    /// The rider goes online, gets the order offered, accepts, and Ordering records them as its rider. An order an
    /// earlier test of the fixture left waiting in the zone is offered first when it is more urgent, and a rider holding
    /// an offer gets no other: the rider declines it, being here for this order only.
    /// </summary>
    public static async Task AssignAsync(this KaifanApp app, Guid orderId, int rider)
    {
        await app.OnlineAsync(rider);
        Guid? offerId = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await app.Zone(EastZone).RunRound();
                foreach (var offer in await app.OffersAsync(rider))
                {
                    var id = offer!["offerId"]!.GetValue<Guid>();
                    if (offer["orders"]!.AsArray().Any(x => x!["orderId"]!.GetValue<Guid>() == orderId))
                    {
                        offerId = id;
                        return true;
                    }

                    (await app.Rider(rider).PostAsync($"/api/rider/offers/{id}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
                }

                return false;
            },
            $"order {orderId} is offered to rider {rider}");
        (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(
            async () => (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.OK,
            "Ordering records the rider");
    }

    public static Task<HttpResponseMessage> StepAsync(this KaifanApp app, int rider, Guid orderId, string step, object? body = null) =>
        body is null
            ? app.Rider(rider).PostAsync($"/api/rider/orders/{orderId}/{step}", null)
            : app.Rider(rider).PostAsJsonAsync($"/api/rider/orders/{orderId}/{step}", body);

    /// <summary>The 预计送达 Tracking promised at acceptance, once it has reached the order (Tracking promises asynchronously).</summary>
    public static async Task<DateTimeOffset> DeliveryPromisedAtAsync(this KaifanApp app, Guid orderId, int customer)
    {
        DateTimeOffset? promised = null;
        await PaymentProbe.EventuallyAsync(
            async () => (promised = (await app.CustomerViewAsync(orderId, customer))["deliveryPromisedAt"]?.GetValue<DateTimeOffset>()) is not null,
            "Tracking's promise reaches the order");
        return promised!.Value;
    }

    public static async Task<JsonNode> CustomerViewAsync(this KaifanApp app, Guid orderId, int customer) =>
        await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}"));
}
