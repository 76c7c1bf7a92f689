using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Payments;
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

public sealed class BatchLinesOnSqlite(LunchtimeSqliteApp app) : BatchLineTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class BatchLinesOnPostgres(LunchtimePostgresApp app) : BatchLineTests(app), IClassFixture<LunchtimePostgresApp>;
