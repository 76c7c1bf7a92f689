using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Delivery;

/// <summary>Only the assigned rider moves an order, one legal step at a time (a repeated 送达 answers the delivered order); the customer cannot cancel once a rider has it.</summary>
public abstract class RiderStepRulesTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_rider_cannot_advance_an_order_that_is_not_theirs_and_steps_out_of_order_are_refused()
    {
        const int customer = 1, rider = 3, stranger = 4;
        var orderId = await app.AcceptedOrderAsync(customer, ready: false);
        try
        {
            await app.AssignAsync(orderId, rider);
            (await app.StatusAsync(orderId, customer)).ShouldBe("RiderAssigned");

            foreach (var step in new[] { "arrive", "pickup" })
            {
                (await app.StepAsync(stranger, orderId, step)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }

            (await app.StepAsync(stranger, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await app.Rider(stranger).GetAsync($"/api/rider/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var cancel = await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "不想要了" });
            cancel.StatusCode.ShouldBe(HttpStatusCode.Conflict);

            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

            // Assigned before the kitchen finished: no pickup until the merchant marks it ready, which keeps 骑手已到店.
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StatusAsync(orderId, customer)).ShouldBe("ArrivedAtMerchant");
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await app.StepAsync(rider, orderId, "deliver", new { method = "drone" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await app.StatusAsync(orderId, customer)).ShouldBe("PickedUp");
            (await app.StepAsync(stranger, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var delivered = await OrderingKit.JsonOf(await app.StepAsync(rider, orderId, "deliver", new { method = "door" }));
            delivered["status"]!.GetValue<string>().ShouldBe("Delivered");

            // A second tap of 确认送达 is no error: the order is delivered, as the rider asked, and stays as it was.
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var again = await app.StepAsync(rider, orderId, "deliver", new { method = "door" });
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            var answer = await OrderingKit.JsonOf(again);
            answer["status"]!.GetValue<string>().ShouldBe("Delivered");
            answer["deliveredAt"]!.GetValue<DateTimeOffset>().ShouldBe(delivered["deliveredAt"]!.GetValue<DateTimeOffset>());
            (await app.StepAsync(stranger, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}

public sealed class RiderStepRulesOnSqlite(LunchtimeSqliteApp app) : RiderStepRulesTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderStepRulesOnPostgres(LunchtimePostgresApp app) : RiderStepRulesTests(app), IClassFixture<LunchtimePostgresApp>;
