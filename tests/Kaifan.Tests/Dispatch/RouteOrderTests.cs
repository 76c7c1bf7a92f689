using System.Net;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>
/// A bundle's orders reach the rider's 进行中 list in the route order of the offer they took. In a fixture of its own: an
/// order another test left waiting at the same shop would ride along in the bundle.
/// </summary>
public abstract class RouteOrderTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_rider_who_takes_a_bundle_sees_its_orders_in_the_route_order_of_the_offer()
    {
        const int rider = 1;
        var first = await app.AcceptedOrderAsync(customer: 3, ready: true);
        var second = await app.AcceptedOrderAsync(customer: 5, ready: true);
        try
        {
            // Both waiting in the zone before the rider comes online, so one round sees both.
            var ops = app.Client(TestTokens.Operator());
            await PaymentProbe.EventuallyAsync(
                async () => (await JsonOf(await ops.GetAsync($"/api/ops/zones/{EastZone}/dispatch")))["pending"]!.AsArray()
                    .Select(o => o!["orderId"]!.GetValue<Guid>()).Intersect([first, second]).Count() == 2,
                "dispatch knows both orders");
            await app.OnlineAsync(rider);
            var (_, offerId) = await app.OfferedAsync(first, rider);
            var route = (await app.OfferOfAsync(rider, first))!["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<Guid>()).ToList();
            route.ShouldBe([first, second], ignoreOrder: true, "the one rider gets both ready orders of the shop as one bundle");
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await app.TaskIdsAsync(rider)).ShouldBe(route);
            foreach (var orderId in route)
            {
                await PaymentProbe.EventuallyAsync(
                    async () => (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.OK,
                    "Ordering records the rider");
                foreach (var step in new[] { "arrive", "pickup" })
                {
                    (await app.StepAsync(rider, orderId, step)).StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            }

            foreach (var orderId in route)
            {
                (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}

public sealed class RouteOrderOnSqlite(LunchtimeSqliteApp app) : RouteOrderTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RouteOrderOnPostgres(LunchtimePostgresApp app) : RouteOrderTests(app), IClassFixture<LunchtimePostgresApp>;
