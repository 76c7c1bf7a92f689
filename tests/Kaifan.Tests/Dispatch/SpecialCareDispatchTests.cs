using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>In a fixture of its own: an order another test left waiting in the zone could take the only rider online first.</summary>
public abstract class SpecialCareDispatchTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_special_care_order_is_offered_and_tasked_marked_as_special_care()
    {
        const int rider = 2;
        var order = await PlacedAsync(app.Client(TestTokens.Customer(3)), new
        {
            merchantId = Shop,
            addressId = Kaifan.BuildingBlocks.DemoCampus.Id("address:3"),
            lines = new[] { Line(ColdBeef, 1) },
            specialCare = true,
        });
        order["specialCare"]!.GetValue<bool>().ShouldBeTrue();
        var id = await app.AcceptPaidAsync(order, customer: 3, prepMinutes: 10);
        try
        {
            await app.OnlineAsync(rider);
            var (_, offerId) = await app.OfferedAsync(id, rider);
            var offered = (await app.OfferOfAsync(rider, id))!["orders"]!.AsArray().Single(o => o!["orderId"]!.GetValue<Guid>() == id)!;
            offered["specialCare"]!.GetValue<bool>().ShouldBeTrue();
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var tasks = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"));
            tasks.AsArray().Single(t => t!["orderId"]!.GetValue<Guid>() == id)!["specialCare"]!.GetValue<bool>().ShouldBeTrue();
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}

public sealed class SpecialCareDispatchOnSqlite(LunchtimeSqliteApp app) : SpecialCareDispatchTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class SpecialCareDispatchOnPostgres(LunchtimePostgresApp app) : SpecialCareDispatchTests(app), IClassFixture<LunchtimePostgresApp>;
