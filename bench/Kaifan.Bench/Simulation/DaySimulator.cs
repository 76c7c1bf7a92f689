using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Kaifan.Bench.Mdrp;
using Kaifan.BuildingBlocks;

namespace Kaifan.Bench.Simulation;

/// <summary>
/// Replays one MDRP instance's day through a running host's HTTP API (ADR 0010): the operator onboards a zone, the
/// restaurants (with their staff) and the couriers; every order gets a customer with an address at its drop-off. Then,
/// in the host's accelerated time, customers order and pay in the sandbox at the placement times, merchants accept
/// (prep = ready − placement) and mark ready at the ready times, and riders work their shifts (RiderRun).
/// </summary>
internal sealed class DaySimulator(SimApi api, MdrpInstance instance, SimulationOptions options, TextWriter log)
{
    private readonly ConcurrentDictionary<Guid, SimOrder> byId = new();
    private readonly List<string> failures = [];
    private readonly Dictionary<string, SimMerchant> merchants = new(StringComparer.Ordinal);
    private SimOrder[] orders = [];
    private int placed;
    private int assigned;
    private int delivered;
    private int ridersOnline;

    internal SimClock Clock { get; private set; } = null!;

    internal GridMap Map { get; private set; } = null!;

    internal Guid ZoneId { get; private set; }

    internal MdrpInstance Instance => instance;

    internal SimulationOptions Options => options;

    internal SimApi Api => api;

    public async Task<SimulationResult> RunAsync(CancellationToken ct)
    {
        var real = Stopwatch.StartNew();
        var clock = await api.CallAsync(HttpMethod.Get, "/api/clock", ct: ct);
        var hostSpeed = clock.GetProperty("speed").GetDouble();
        if (Math.Abs(hostSpeed - options.Speed) > 1e-9)
        {
            throw new SimulationException($"the host runs at {hostSpeed}× but --speed is {options.Speed}: start it with Kaifan:Clock:Speed={options.Speed}");
        }

        var run = options.RunTag ?? Random.Shared.Next(10, 100);
        log.WriteLine($"{instance.Name}: {instance.Orders.Count} orders, {instance.Restaurants.Count} restaurants, {instance.Couriers.Count} couriers; run tag {run}; onboarding…");
        var operatorToken = await api.SignInAsync(DemoCampus.OperatorPhone, ct);
        await OnboardAsync(operatorToken, run, ct);
        log.WriteLine($"onboarded in {real.Elapsed.TotalSeconds:F1} s real; the day starts");

        Clock = new SimClock((await api.CallAsync(HttpMethod.Get, "/api/clock", ct: ct)).GetProperty("now").GetDateTimeOffset(), options.Speed);
        Clock.DayStart = Clock.Now + TimeSpan.FromSeconds(Math.Max(60, 2 * options.Speed));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lastEvent = Math.Max(instance.Orders.Max(o => Math.Max(o.PlacedAt, o.ReadyAt)), instance.Couriers.Max(c => c.OffTime));
        var deadline = Clock.At(lastEvent + instance.Parameters.MaxClickToDoor + 60);
        var riders = instance.Couriers.Select(c => new RiderRun(this, c, riderTokens[c.Id], riderIds[c.Id]).RunAsync(stop.Token)).ToList();
        var orderRuns = orders.Select(o => PlaceAndPrepareAsync(o, stop.Token)).ToList();
        var progress = ProgressAsync(stop.Token);

        // Cancelling the caller's token ends the day early; the result then names what was left undone.
        while (!stop.IsCancellationRequested && Clock.Now < deadline && !AllSettled())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        stop.Cancel();
        await Task.WhenAll(orderRuns.Concat(riders).Append(progress).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var o in orders.Where(o => o.DeliveredAt is null && o.Failure is null))
        {
            o.Failure = $"{o.Source.Id} not delivered by minute {Clock.MinuteOfDay:F0} ({(o.PlacedAt is null ? "never placed" : o.Assigned ? "assigned" : "never assigned")})";
            lock (failures)
            {
                failures.Add(o.Failure);
            }
        }

        var ops = await OpsOnTimeReport.ReadAsync(
            api, operatorToken, ZoneId, Clock.DayStart - TimeSpan.FromHours(1), Clock.Now + TimeSpan.FromHours(1), orders.Count(o => o.DeliveredAt is not null));
        return Result(real.Elapsed, ops);
    }

    private bool AllSettled() => orders.All(o => o.DeliveredAt is not null || o.Failure is not null);

    private readonly Dictionary<string, string> riderTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> riderIds = new(StringComparer.Ordinal);

    private async Task OnboardAsync(string operatorToken, int run, CancellationToken ct)
    {
        var points = instance.Restaurants.Values.Concat(instance.Orders.Select(o => o.DropOff)).Concat(instance.Couriers.Select(c => c.OnLocation)).ToList();
        Map = GridMap.Around(points, options.CentreLat, options.CentreLon);
        var farthestFromCentre = points.Max(p => GridMap.Distance(p, Map.ToGrid(options.CentreLat, options.CentreLon)));
        var longestDelivery = instance.Orders.Max(o => GridMap.Distance(o.DropOff, instance.Restaurants[o.RestaurantId]));
        var zone = await api.CallAsync(HttpMethod.Post, "/api/ops/zones", operatorToken, new
        {
            name = $"模拟 {instance.Name} #{run}",
            centerLat = options.CentreLat,
            centerLon = options.CentreLon,
            baseDeliveryFeeFen = 300,
            feePerKmFen = 100,
            freeDistanceKm = 1.0,
            maxDistanceKm = Math.Ceiling(Math.Max(farthestFromCentre, longestDelivery) / 1000) + 1,
        }, ct: ct);
        ZoneId = zone.GetProperty("id").GetGuid();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Connections / 2), CancellationToken = ct };
        var restaurantIds = instance.Restaurants.Keys.Order(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(restaurantIds.Select((r, i) => (r, i)), parallel, async (entry, token) =>
        {
            var (lat, lon) = Map.ToLatLon(instance.Restaurants[entry.r]);
            var shop = await api.CallAsync(HttpMethod.Post, "/api/ops/merchants", operatorToken, new
            {
                zoneId = ZoneId, name = $"模拟餐厅 {entry.r}", latitude = lat, longitude = lon, dish = new { name = "招牌套餐", priceFen = 2500 },
            }, ct: token);
            var merchantId = shop.GetProperty("id").GetGuid();
            var phone = Phone(133, run, entry.i);
            await api.CallAsync(HttpMethod.Post, "/api/ops/staff", operatorToken, new { phone, name = $"店长 {entry.r}", role = "merchant", merchantId }, ct: token);
            var staff = await api.SignInAsync(phone, token);
            lock (merchants)
            {
                merchants[entry.r] = new SimMerchant(merchantId, shop.GetProperty("itemId").GetGuid(), staff);
            }
        });

        await Parallel.ForEachAsync(instance.Couriers.Select((c, i) => (c, i)), parallel, async (entry, token) =>
        {
            var phone = Phone(134, run, entry.i);
            var rider = await api.CallAsync(HttpMethod.Post, "/api/ops/staff", operatorToken, new { phone, name = $"骑手 {entry.c.Id}", role = "rider" }, ct: token);
            var riderId = rider.GetProperty("riderId").GetGuid();
            await api.CallAsync(HttpMethod.Put, $"/api/ops/riders/{riderId}/profile", operatorToken, new
            {
                homeZoneId = ZoneId, vehicleType = "scooter", batteryRangeKm = 300.0, capacity = options.RiderCapacity, acceptsStairs = true,
            }, ct: token);
            var riderToken = await api.SignInAsync(phone, token);
            lock (riderTokens)
            {
                riderTokens[entry.c.Id] = riderToken;
                riderIds[entry.c.Id] = riderId;
            }
        });

        orders = instance.Orders.OrderBy(o => o.PlacedAt).Select(o => new SimOrder(o)).ToArray();
        await Parallel.ForEachAsync(orders.Select((o, i) => (o, i)), parallel, async (entry, token) =>
        {
            var phone = Phone(135, run, entry.i);
            entry.o.CustomerToken = await api.SignInAsync(phone, token);
            var (lat, lon) = Map.ToLatLon(entry.o.Source.DropOff);
            var address = await api.CallAsync(HttpMethod.Post, "/api/me/addresses", entry.o.CustomerToken, new
            {
                zoneId = ZoneId, contactName = $"顾客 {entry.o.Source.Id}", phone, detail = $"模拟地址 {entry.o.Source.Id}",
                latitude = lat, longitude = lon, tag = (string?)null, stairsNoLift = false,
            }, ct: token);
            entry.o.AddressId = address.GetProperty("id").GetGuid();
        });
    }

    /// <summary>Phones of simulated people: 1PP RR NNNNNN, PP the kind (33 merchants, 34 riders, 35 customers), RR the run.</summary>
    private static string Phone(int prefix, int run, int index) => $"{prefix}{run:00}{index:000000}";

    /// <summary>The customer orders and pays at the placement time; the merchant accepts and marks the order ready on time.</summary>
    private async Task PlaceAndPrepareAsync(SimOrder order, CancellationToken ct)
    {
        try
        {
            var source = order.Source;
            var merchant = merchants[source.RestaurantId];
            await Clock.UntilAsync(Clock.At(source.PlacedAt), ct);
            var view = await api.CallAsync(HttpMethod.Post, "/api/orders", order.CustomerToken, new
            {
                merchantId = merchant.Id,
                addressId = order.AddressId,
                lines = new[] { new { itemId = merchant.ItemId, quantity = 1, optionIds = Array.Empty<Guid>() } },
                note = $"模拟订单 {source.Id}",
            }, idempotencyKey: Guid.NewGuid().ToString(), ct: ct);
            order.Id = view.GetProperty("id").GetGuid();
            order.PlacedAt = view.GetProperty("placedAt").GetDateTimeOffset();
            byId[order.Id] = order;
            Interlocked.Increment(ref placed);

            var payment = await api.CallAsync(HttpMethod.Post, $"/api/orders/{order.Id}/payments", order.CustomerToken, new { channel = "wechat" }, ct: ct);
            await api.CallAsync(HttpMethod.Post, payment.GetProperty("payUrl").GetString()!, ct: ct);
            while (await StatusAsync(order, ct) == "AwaitingPayment")
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }

            // The kitchen knows how long the food takes: what is left of the instance's ready time, in whole minutes.
            var prep = (int)Math.Clamp(Math.Ceiling((Clock.At(source.ReadyAt) - Clock.Now).TotalMinutes), 1, 120);
            await MerchantAsync($"/api/merchant/orders/{order.Id}/accept", merchant.Token, new { prepMinutes = prep }, ct);
            var eta = await api.CallAsync(HttpMethod.Get, $"/api/orders/{order.Id}/eta", order.CustomerToken, ct: ct);
            order.PromisedAt = eta.GetProperty("etaAt").GetDateTimeOffset();

            await Clock.UntilAsync(Clock.At(source.ReadyAt), ct);
            await MerchantAsync($"/api/merchant/orders/{order.Id}/ready", merchant.Token, null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is SimulationException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Fail(order, e.Message);
        }
    }

    /// <summary>A merchant's tap; "the order changed meanwhile" (a rider was assigned at that instant) means refresh and tap again.</summary>
    private async Task MerchantAsync(string path, string token, object? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await api.SendAsync(HttpMethod.Post, path, token, body, ct: ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict || !text.Contains("changed meanwhile", StringComparison.Ordinal) || attempt >= 10)
            {
                throw new SimulationException($"POST {path} answered {(int)response.StatusCode}: {text}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
        }
    }

    private async Task<string?> StatusAsync(SimOrder order, CancellationToken ct) =>
        (await api.CallAsync(HttpMethod.Get, $"/api/orders/{order.Id}", order.CustomerToken, ct: ct)).GetProperty("status").GetString();

    internal void Fail(SimOrder order, string why)
    {
        order.Failure ??= $"{order.Source.Id}: {why}";
        lock (failures)
        {
            failures.Add(order.Failure);
        }
    }

    internal void Fail(Guid orderId, string why)
    {
        if (byId.TryGetValue(orderId, out var order))
        {
            Fail(order, why);
        }
    }

    internal void RiderAssigned(Guid orderId)
    {
        if (byId.TryGetValue(orderId, out var order) && !order.Assigned)
        {
            order.Assigned = true;
            Interlocked.Increment(ref assigned);
        }
    }

    internal void Delivered(Guid orderId, DateTimeOffset at)
    {
        if (byId.TryGetValue(orderId, out var order) && order.DeliveredAt is null)
        {
            order.DeliveredAt = at;
            Interlocked.Increment(ref delivered);
        }
    }

    /// <summary>With --trace, every rider decision and step as a log line: what a stuck order was waiting for.</summary>
    internal void Trace(string rider, string what, IEnumerable<Guid> orderIds)
    {
        if (options.Trace)
        {
            var names = string.Join(',', orderIds.Select(id => byId.TryGetValue(id, out var o) ? o.Source.Id : id.ToString()[..8]));
            lock (log)
            {
                log.WriteLine($"  [day {Clock.MinuteOfDay,6:F1}] {rider} {what} {names}");
            }
        }
    }

    internal void RiderOnlineChanged(int by) => Interlocked.Add(ref ridersOnline, by);

    private async Task ProgressAsync(CancellationToken ct)
    {
        try
        {
            var next = 0.0;
            while (!ct.IsCancellationRequested)
            {
                await Clock.UntilAsync(Clock.At(next), ct);
                var (p, a, d) = (Volatile.Read(ref placed), Volatile.Read(ref assigned), Volatile.Read(ref delivered));
                log.WriteLine(
                    $"[day {Clock.MinuteOfDay,5:F0} min | host {Clock.Now:HH:mm}] placed {p}/{orders.Length}, assigned {a}, delivered {d}, backlog {p - d} (waiting for a rider {p - a}), riders online {Volatile.Read(ref ridersOnline)}");
                next += options.ProgressMinutes;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private SimulationResult Result(TimeSpan real, OpsOnTimeReport? ops)
    {
        var done = orders.Where(o => o.DeliveredAt is not null && o.PlacedAt is not null).ToList();
        var ctd = done.Select(o => (o.DeliveredAt!.Value - o.PlacedAt!.Value).TotalMinutes).Order().ToArray();
        var promised = orders.Where(o => o.PromisedAt is not null && o.PlacedAt is not null).Select(o => (o.PromisedAt!.Value - o.PlacedAt!.Value).TotalMinutes).ToList();
        var n = Math.Max(1, orders.Length);
        return new SimulationResult(
            instance.Name,
            orders.Length,
            placed,
            done.Count,
            ctd.Length == 0 ? 0 : ctd.Average(),
            ctd.Length == 0 ? 0 : MdrpMetrics.Percentile(ctd, 0.9),
            (double)done.Count(o => o.PromisedAt is { } p && o.DeliveredAt <= p) / n,
            (double)ctd.Count(m => m <= instance.Parameters.TargetClickToDoor) / n,
            instance.Parameters.TargetClickToDoor,
            promised.Count == 0 ? 0 : promised.Average(),
            real.TotalSeconds,
            failures.ToList(),
            ops);
    }
}
