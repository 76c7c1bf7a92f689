using System.Net;
using System.Text.Json;
using Kaifan.Bench.Mdrp;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Simulation;

/// <summary>
/// One courier's shift as a lightweight async loop: online at the shift's start and place, then every step look at
/// offers (accept while on shift, decline after: no pickups after the off-time) and work the accepted ones in order —
/// ride to the shop in a straight line at the instance's speed pinging the way, arrive, pick up once ready (half the
/// pickup service on each side), ride to each drop-off nearest first and deliver (half the drop-off service on each
/// side). Offline when the shift is over and nothing is left to carry.
/// </summary>
internal sealed class RiderRun(DaySimulator sim, MdrpCourier courier, string token, Guid riderId)
{
    private sealed record Stop(Guid OrderId, Point Pickup, Point DropOff);

    private readonly Queue<List<Stop>> accepted = new();
    private readonly SimClock clock = sim.Clock;
    private readonly TimeSpan step = TimeSpan.FromSeconds(sim.Options.StepSeconds);
    private Point position = courier.OnLocation;
    private DateTimeOffset offAt;

    public Guid RiderId => riderId;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await clock.UntilAsync(clock.At(courier.OnTime), ct);
            offAt = clock.At(courier.OffTime);
            var (lat, lon) = sim.Map.ToLatLon(position);
            // The rider app's one-time 同意并上线: position sharing needs the rider's own consent (ADR 0011).
            await sim.Api.CallAsync(HttpMethod.Put, "/api/me/consents/location", token, new { granted = true }, ct: ct);
            await sim.Api.CallAsync(HttpMethod.Post, "/api/rider/online", token, new { zoneId = sim.ZoneId, latitude = lat, longitude = lon }, ct: ct);
            sim.RiderOnlineChanged(+1);
            try
            {
                for (var idle = 0; ; idle++)
                {
                    await LookAtOffersAsync(ct);
                    if (accepted.TryDequeue(out var bundle))
                    {
                        await WorkAsync(bundle, ct);
                        continue;
                    }

                    if (clock.Now >= offAt)
                    {
                        break;
                    }

                    // Standing still: a ping now and then keeps the rider's position fresh for dispatch.
                    if (idle % 4 == 0)
                    {
                        await PingAsync(ct);
                    }

                    await clock.SleepAsync(step, ct);
                }
            }
            finally
            {
                sim.RiderOnlineChanged(-1);
                using var _ = await sim.Api.SendAsync(HttpMethod.Post, "/api/rider/offline", token, ct: CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task LookAtOffersAsync(CancellationToken ct)
    {
        var offers = await sim.Api.CallAsync(HttpMethod.Get, "/api/rider/offers", token, ct: ct);
        foreach (var offer in offers.EnumerateArray())
        {
            var offerId = offer.GetProperty("offerId").GetGuid();
            var onShift = clock.Now < offAt;
            using var answer = await sim.Api.SendAsync(HttpMethod.Post, $"/api/rider/offers/{offerId}/{(onShift ? "accept" : "decline")}", token, ct: ct);
            sim.Trace(courier.Id, $"{(onShift ? "accepts" : "declines")} ({(int)answer.StatusCode})",
                offer.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()));
            if (!onShift || !answer.IsSuccessStatusCode)
            {
                continue;
            }

            // An offer names the shop and how far the door is; where the door is comes with the task, once taken.
            var taken = offer.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()).ToHashSet();
            var tasks = await sim.Api.CallAsync(HttpMethod.Get, "/api/rider/tasks", token, ct: ct);
            var stops = tasks.EnumerateArray().Where(t => taken.Contains(t.GetProperty("orderId").GetGuid())).Select(t => new Stop(
                t.GetProperty("orderId").GetGuid(), Place(t.GetProperty("pickup")), Place(t.GetProperty("dropOff")))).ToList();
            foreach (var s in stops)
            {
                sim.RiderAssigned(s.OrderId);
            }

            accepted.Enqueue(stops);
        }
    }

    private Point Place(JsonElement place) => sim.Map.ToGrid(place.GetProperty("latitude").GetDouble(), place.GetProperty("longitude").GetDouble());

    private async Task WorkAsync(List<Stop> bundle, CancellationToken ct)
    {
        var half = (double)sim.Instance.Parameters.PickupService / 2;
        foreach (var shop in bundle.GroupBy(s => s.Pickup).ToList())
        {
            await RideAsync(shop.Key, ct);
            foreach (var s in shop)
            {
                await StepAsync(s.OrderId, "arrive", null, ct);
            }

            await WaitAsync(TimeSpan.FromMinutes(half), ct);
            foreach (var s in shop)
            {
                if (await StepAsync(s.OrderId, "pickup", null, ct) is null)
                {
                    bundle.Remove(s);
                }
            }

            await WaitAsync(TimeSpan.FromMinutes(half), ct);
        }

        var dropHalf = (double)sim.Instance.Parameters.DropoffService / 2;
        var left = bundle.ToList();
        while (left.Count > 0)
        {
            var next = left.MinBy(s => GridMap.Distance(position, s.DropOff))!;
            left.Remove(next);
            await RideAsync(next.DropOff, ct);
            await StepAsync(next.OrderId, "arrive-customer", null, ct);
            await WaitAsync(TimeSpan.FromMinutes(dropHalf), ct);
            if (await StepAsync(next.OrderId, "deliver", new { method = "door" }, ct) is { } view)
            {
                sim.Delivered(next.OrderId, view.GetProperty("deliveredAt").GetDateTimeOffset());
            }

            await WaitAsync(TimeSpan.FromMinutes(dropHalf), ct);
        }
    }

    /// <summary>
    /// Standing at a shop or a door: the phone still reports where it is (dispatch offers nothing to a silent one) and
    /// rings, so offers are looked at every step.
    /// </summary>
    private async Task WaitAsync(TimeSpan simulated, CancellationToken ct)
    {
        var until = clock.Now + simulated;
        while (clock.Now < until)
        {
            var left = until - clock.Now;
            await clock.SleepAsync(left < step ? left : step, ct);
            await PingAsync(ct);
            await LookAtOffersAsync(ct);
        }
    }

    /// <summary>
    /// A rider step, tried again while the host is not there yet: Ordering learns of the assignment a moment after the
    /// offer is accepted (404 until then), and pickup waits for the kitchen (409 until ready).
    /// </summary>
    private async Task<JsonElement?> StepAsync(Guid orderId, string action, object? body, CancellationToken ct)
    {
        var giveUp = clock.Now.AddHours(3);
        while (true)
        {
            using var response = await sim.Api.SendAsync(HttpMethod.Post, $"/api/rider/orders/{orderId}/{action}", token, body, ct: ct);
            if (response.IsSuccessStatusCode)
            {
                sim.Trace(courier.Id, action, [orderId]);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
            }

            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Conflict) || clock.Now > giveUp)
            {
                sim.Fail(orderId, $"rider {courier.Id}: {action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                return null;
            }

            await WaitAsync(step / 3, ct);
        }
    }

    /// <summary>A straight ride at the instance's speed, a ping every step and a look at new offers on the way.</summary>
    private async Task RideAsync(Point to, CancellationToken ct)
    {
        var from = position;
        var minutes = GridMap.Distance(from, to) / sim.Instance.Parameters.MetersPerMinute;
        var start = clock.Now;
        var arrive = start.AddMinutes(minutes);
        while (clock.Now < arrive)
        {
            var wait = arrive - clock.Now;
            await clock.SleepAsync(wait < step ? wait : step, ct);
            var done = minutes <= 0 ? 1 : Math.Min(1, (clock.Now - start).TotalMinutes / minutes);
            position = new Point(from.X + (to.X - from.X) * done, from.Y + (to.Y - from.Y) * done);
            await PingAsync(ct);
            await LookAtOffersAsync(ct);
        }

        position = to;
    }

    private async Task PingAsync(CancellationToken ct)
    {
        var (lat, lon) = sim.Map.ToLatLon(position);
        using var _ = await sim.Api.SendAsync(HttpMethod.Post, "/api/rider/location", token, new { latitude = lat, longitude = lon }, ct: ct);
    }
}
