using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Payments;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Batches;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>校园拼单: batch orders to the east dorms wait for the line's next run, then leave together; elsewhere the tier is refused.</summary>
public abstract class BatchLineTests(LunchtimeApp app)
{
    [Fact]
    public async Task batch_orders_to_the_dorms_from_two_shops_wait_for_the_next_departure_and_leave_together_with_one_rider()
    {
        const int rider = 1;
        var outside = await PlaceAsync(app.Client(TestTokens.Customer(4)), TierKit.Checkout(4, new { serviceTier = "batch" }), Guid.NewGuid().ToString());
        outside.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("serviceTier");

        var first = await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(1)), TierKit.Checkout(1, new { serviceTier = "batch" })), 1, prepMinutes: 5);
        var second = await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(2)), TierKit.Checkout(2, new { serviceTier = "batch" })), 2, prepMinutes: 5);
        var fromRiceShop = await RiceShopBatchOrderAsync(customer: 3);
        var departure = await DepartureAsync();

        // The customer is told the same run Dispatch holds the order for, and the ETA starts the ride no earlier.
        var page = await JsonOf(await app.Client(TestTokens.Customer(1)).GetAsync($"/api/orders/{first}"));
        page["batchRun"]!["lineName"]!.GetValue<string>().ShouldStartWith("东区宿舍楼群");
        page["batchRun"]!["departsAt"]!.GetValue<DateTimeOffset>().ShouldBe(departure);
        var eta = await JsonOf(await app.Client(TestTokens.Customer(1)).GetAsync($"/api/orders/{first}/eta"));
        eta["etaAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(departure);
        eta["basis"]!["batchDeparture"]!.GetValue<DateTimeOffset>().ShouldBe(departure);
        try
        {
            await app.OnlineAsync(rider);
            await Task.Delay(500);
            // The run is offered just long enough before it leaves for its rider to reach the first shop, not earlier.
            var offeredFrom = departure - Kaifan.Dispatch.DispatchOptions.BatchLead;
            while (app.Clock.GetUtcNow() < offeredFrom)
            {
                await app.Zone(EastZone).RunRound();
                (await app.OffersAsync(rider)).ShouldBeEmpty($"nothing is offered before {offeredFrom:HH:mm}Z (now {app.Clock.GetUtcNow():HH:mm:ss}Z)");
                await app.AdvanceAsync(TimeSpan.FromMinutes(1) < offeredFrom - app.Clock.GetUtcNow() ? TimeSpan.FromMinutes(1) : offeredFrom - app.Clock.GetUtcNow(), rider);
            }

            await app.OfferedAsync(first, rider);
            var offer = (await app.OfferOfAsync(rider, first))!;
            offer["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<Guid>()).ShouldBe([first, second, fromRiceShop], ignoreOrder: true);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_changed_line_is_read_again_within_a_minute_not_on_every_poll()
    {
        // A line of a zone of its own, so no other test's orders ride it.
        var zone = Guid.NewGuid();
        var dropOff = new GeoPoint(31.02, 121.43);
        var lineId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>();
            db.BatchLines.Add(new BatchLine
            {
                Id = lineId, ZoneId = zone, Name = "测试线", CentreLatitude = dropOff.Latitude, CentreLongitude = dropOff.Longitude, RadiusMetres = 100,
                Departures = "11:00",
            });
            await db.SaveChangesAsync();
        }

        var departures = app.Services.GetRequiredService<IBatchDepartures>();
        var readyBy = app.Clock.GetUtcNow();
        var before = (await departures.DepartureAsync(zone, dropOff, readyBy, CancellationToken.None))!.LeavesAt;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>();
            (await db.BatchLines.Where(l => l.Id == lineId).ExecuteUpdateAsync(l => l.SetProperty(x => x.Departures, "11:00,23:50"))).ShouldBe(1);
        }

        var changed = new BatchLineInfo(lineId, zone, "测试线", dropOff, 100, ["11:00", "23:50"]).DepartureFor(readyBy)!.Value;
        changed.ShouldNotBe(before, "the test needs a change that moves the run");
        (await departures.DepartureAsync(zone, dropOff, readyBy, CancellationToken.None))!.LeavesAt.ShouldBe(before, "polls within the minute read the cached line");

        app.Clock.Advance(ZoneBatchLines.Lifetime);
        (await departures.DepartureAsync(zone, dropOff, readyBy, CancellationToken.None))!.LeavesAt.ShouldBe(changed, "a minute on, the changed line is read");
    }

    /// <summary>黄焖豆腐米饭 (not spicy) from the rice shop, paid and accepted with 5 minutes' prep.</summary>
    private async Task<Guid> RiceShopBatchOrderAsync(int customer)
    {
        const int riceShop = 3;
        var tofuRice = Dish(3, riceShop);
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), new
        {
            merchantId = Kaifan.BuildingBlocks.DemoCampus.MerchantId(riceShop),
            addressId = Kaifan.BuildingBlocks.DemoCampus.Id($"address:{customer}"),
            lines = new[] { Line(tofuRice, 1, Choice(tofuRice, group: 0, option: 0)) },
            serviceTier = "batch",
        });
        await app.PayAsync(order);
        var id = IdOf(order);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "AwaitingAcceptance", "the order is paid");
        (await app.Staff(riceShop).PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The line's run once the last order's 5 minutes of prep are up, as Dispatch holds it.</summary>
    private async Task<DateTimeOffset> DepartureAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>();
        var line = await db.BatchLines.AsNoTracking().SingleAsync(l => l.Id == DemoBatchLines.DormLine);
        var departure = line.Info().DepartureFor(app.Clock.GetUtcNow().AddMinutes(5))!.Value;
        (departure - app.Clock.GetUtcNow()).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(30));
        return departure;
    }
}

/// <summary>
/// The noodle shop says 10 minutes and its kitchen takes 25: a batch order's run is chosen from the 25, by Dispatch's
/// hold, Tracking's promise and ETA and the order page alike, so the order is not held for a run that leaves before
/// its food is ready.
/// </summary>
public abstract class BatchLineLearnedPrepTests(Kaifan.Tests.Insights.PrepLearningApp app)
{
    [Fact]
    public async Task a_kitchen_slower_than_it_says_puts_its_batch_order_on_the_later_run_everywhere()
    {
        await Kaifan.Tests.Insights.SlowKitchen.LearnedAsync(app);
        BatchLineInfo line;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kaifan.Dispatch.DispatchDb>();
            line = (await db.BatchLines.AsNoTracking().SingleAsync(l => l.Id == DemoBatchLines.DormLine)).Info();
        }

        // Until the stated 10 minutes and the learned 25 end on either side of a departure.
        while (line.DepartureFor(app.Clock.GetUtcNow().AddMinutes(10)) == line.DepartureFor(app.Clock.GetUtcNow().AddMinutes(25)))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        const int customer = 1;
        var orderId = await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "batch" })), customer, prepMinutes: 10);
        var page = await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}"));
        var acceptedAt = page["acceptedAt"]!.GetValue<DateTimeOffset>();
        var statedRun = line.DepartureFor(acceptedAt.AddMinutes(10))!.Value;
        var learnedRun = line.DepartureFor(acceptedAt.AddMinutes(25))!.Value;
        learnedRun.ShouldBeGreaterThan(statedRun);

        var eta = await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}/eta"));

        var hold = await app.HoldOfAsync(orderId);

        Kaifan.Insights.OnTime.OrderTimeline? promise = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                promise = await scope.ServiceProvider.GetRequiredService<Kaifan.Insights.InsightsDb>().Timelines.AsNoTracking().SingleOrDefaultAsync(t => t.OrderId == orderId);
                return promise?.PromisedAt is not null;
            },
            "Tracking promised the order");

        // The promise has the rider leave the shop with the run.
        var promisedRun = acceptedAt.AddMinutes(promise!.PromisedToMerchantMinutes!.Value);
        learnedRun.ShouldSatisfyAllConditions(
            () => hold.ShouldBe(learnedRun, "Dispatch's hold"),
            () => promisedRun.ShouldBe(learnedRun, TimeSpan.FromSeconds(1), "Tracking's promise"),
            () => eta["basis"]!["batchDeparture"]!.GetValue<DateTimeOffset>().ShouldBe(learnedRun, "the live ETA"),
            () => page["batchRun"]!["departsAt"]!.GetValue<DateTimeOffset>().ShouldBe(learnedRun, "the order page"),
            () => promise.PromisedPrepMinutes.ShouldBe(25));
    }
}

public sealed class BatchLineLearnedPrepOnSqlite(Kaifan.Tests.Insights.PrepLearningSqliteApp app) : BatchLineLearnedPrepTests(app), IClassFixture<Kaifan.Tests.Insights.PrepLearningSqliteApp>;

public sealed class BatchLineLearnedPrepOnPostgres(Kaifan.Tests.Insights.PrepLearningPostgresApp app) : BatchLineLearnedPrepTests(app), IClassFixture<Kaifan.Tests.Insights.PrepLearningPostgresApp>;

public sealed class BatchLinesOnSqlite(LunchtimeSqliteApp app) : BatchLineTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class BatchLinesOnPostgres(LunchtimePostgresApp app) : BatchLineTests(app), IClassFixture<LunchtimePostgresApp>;
