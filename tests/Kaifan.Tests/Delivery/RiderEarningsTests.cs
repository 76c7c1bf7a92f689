using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Earnings;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>收入: a delivered order earns its rider one ledger row (base, distance, bad weather), read back by Shanghai day.</summary>
public abstract class RiderEarningsTests(LunchtimeApp app)
{
    private EarningSettings Settings => app.Services.GetRequiredService<EarningSettings>();

    [Fact]
    public async Task a_delivered_order_earns_its_rider_one_entry_of_base_and_distance_and_a_repeated_event_adds_nothing()
    {
        const int customer = 2, rider = 3;
        var orderId = await DeliveredAsync(customer, rider);
        var entry = await EntryAsync(rider, orderId);

        var metres = await ShopToDoorMetresAsync(orderId);
        entry["distanceMetres"]!.GetValue<int>().ShouldBe((int)Math.Round(metres));
        entry["baseFen"]!.GetValue<long>().ShouldBe(Settings.BaseFen);
        entry["distanceFen"]!.GetValue<long>().ShouldBe(Math.Max(0, (long)Math.Ceiling(metres / 1000) - 1) * Settings.PerKmFen);
        entry["badWeatherFen"]!.GetValue<long>().ShouldBe(0);
        entry["totalFen"]!.GetValue<long>().ShouldBe(Settings.BaseFen + entry["distanceFen"]!.GetValue<long>());
        entry["orderNumber"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        // The event again, as a redelivery of the outbox would bring it: once through the bus, once straight to the handler.
        var again = new OrderDelivered(orderId, DemoCampus.RiderId(rider), "door", null, app.Clock.GetUtcNow());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(again);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await RiderEarningHandler.Handle(
                again, scope.ServiceProvider.GetRequiredService<DispatchDb>(), scope.ServiceProvider.GetRequiredService<IOrderDispatchQueries>(),
                Settings, CancellationToken.None);
        }

        var earnings = await EarningsAsync(rider);
        earnings["today"]!.AsArray().Count.ShouldBe(1);
        earnings["todayOrders"]!.GetValue<int>().ShouldBe(1);
        earnings["todayFen"]!.GetValue<long>().ShouldBe(entry["totalFen"]!.GetValue<long>());
        var days = earnings["days"]!.AsArray();
        days.Count.ShouldBe(7);
        days[^1]!["day"]!.GetValue<string>().ShouldBe(DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime).ToString("yyyy-MM-dd"));
        days[^1]!["totalFen"]!.GetValue<long>().ShouldBe(entry["totalFen"]!.GetValue<long>());
        days.Take(6).ShouldAllBe(d => d!["orders"]!.GetValue<int>() == 0);
    }

    [Fact]
    public async Task a_special_care_order_delivered_while_the_zone_is_flagged_bad_weather_pays_both_bonuses_however_late_the_event_is_handled()
    {
        const int customer = 3, rider = 4;
        var ops = app.Client(TestTokens.Operator());
        (await ops.PutAsJsonAsync($"/api/ops/zones/{DeliveryKit.EastZone}/weather", new { badWeather = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Guid orderId;
        DateTimeOffset deliveredAt;
        try
        {
            orderId = await DeliveredAsync(customer, rider, specialCare: true);
            var entry = await EntryAsync(rider, orderId);
            deliveredAt = entry["deliveredAt"]!.GetValue<DateTimeOffset>();
            entry["badWeatherFen"]!.GetValue<long>().ShouldBe(Settings.BadWeatherFen);
            entry["specialCareFen"]!.GetValue<long>().ShouldBe(Settings.SpecialCareFen);
            entry["totalFen"]!.GetValue<long>().ShouldBe(
                Settings.BaseFen + entry["distanceFen"]!.GetValue<long>() + Settings.BadWeatherFen + Settings.SpecialCareFen);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            (await ops.PutAsJsonAsync($"/api/ops/zones/{DeliveryKit.EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The same delivery event handled only now, after the sky cleared (a replay from the dead letters), still pays the
        // bonus of its moment; a delivery made now would not.
        (await EarnedAgainAsync(orderId, rider, deliveredAt)).BadWeatherFen.ShouldBe(Settings.BadWeatherFen);
        (await EarnedAgainAsync(orderId, rider, app.Clock.GetUtcNow())).BadWeatherFen.ShouldBe(0);
    }

    /// <summary>Forgets the order's earning and hands the handler its delivery event as if delivered <paramref name="at"/>.</summary>
    private async Task<RiderEarning> EarnedAgainAsync(Guid orderId, int rider, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        await db.RiderEarnings.Where(e => e.OrderId == orderId).ExecuteDeleteAsync();
        await RiderEarningHandler.Handle(
            new OrderDelivered(orderId, DemoCampus.RiderId(rider), "door", null, at), db,
            scope.ServiceProvider.GetRequiredService<IOrderDispatchQueries>(), Settings, CancellationToken.None);
        return await db.RiderEarnings.AsNoTracking().SingleAsync(e => e.OrderId == orderId);
    }

    [Fact]
    public async Task days_outside_1_to_31_are_refused_naming_days_and_only_riders_may_ask()
    {
        foreach (var days in new[] { 0, 32 })
        {
            var refused = await app.Rider(5).GetAsync($"/api/rider/earnings?days={days}");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await JsonOf(refused))["errors"]!["days"].ShouldNotBeNull();
        }

        (await EarningsAsync(5, 31))["days"]!.AsArray().Count.ShouldBe(31);
        (await app.Client(TestTokens.Customer(1)).GetAsync("/api/rider/earnings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void the_distance_part_pays_each_started_kilometre_beyond_the_first()
    {
        var settings = new EarningSettings { PerKmFen = 100 };
        settings.DistanceFenFor(0).ShouldBe(0);
        settings.DistanceFenFor(1000).ShouldBe(0);
        settings.DistanceFenFor(1001).ShouldBe(100);
        settings.DistanceFenFor(2000).ShouldBe(100);
        settings.DistanceFenFor(2500).ShouldBe(200);
    }

    private async Task<Guid> DeliveredAsync(int customer, int rider, bool specialCare = false)
    {
        var orderId = specialCare ? await SpecialCareOrderAsync(customer) : await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        return orderId;
    }

    private async Task<Guid> SpecialCareOrderAsync(int customer)
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), new
        {
            merchantId = Shop,
            addressId = DemoCampus.Id($"address:{customer}"),
            lines = new[] { Line(ColdBeef, 1) },
            specialCare = true,
        });
        var id = await app.AcceptPaidAsync(order, customer, prepMinutes: 10);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<JsonNode> EntryAsync(int rider, Guid orderId)
    {
        JsonNode? entry = null;
        await PaymentProbe.EventuallyAsync(
            async () => (entry = (await EarningsAsync(rider))["today"]!.AsArray().FirstOrDefault(e => e!["orderId"]!.GetValue<Guid>() == orderId)) is not null,
            "the delivered order reaches the rider's earnings");
        return entry!;
    }

    private async Task<JsonNode> EarningsAsync(int rider, int days = 7)
    {
        var response = await app.Rider(rider).GetAsync($"/api/rider/earnings?days={days}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private async Task<double> ShopToDoorMetresAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().SingleAsync(j => j.OrderId == orderId);
        return new GeoPoint(job.MerchantLatitude, job.MerchantLongitude).DistanceMetresTo(new GeoPoint(job.DropOffLatitude, job.DropOffLongitude));
    }
}

public sealed class RiderEarningsOnSqlite(LunchtimeSqliteApp app) : RiderEarningsTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderEarningsOnPostgres(LunchtimePostgresApp app) : RiderEarningsTests(app), IClassFixture<LunchtimePostgresApp>;
