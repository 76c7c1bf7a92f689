using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>The zone grain's rounds go through the optimiser: a rolling horizon that holds what need not start yet, and special care first.</summary>
public abstract class ProductionDispatchTests(LunchtimeApp app)
{
    [Fact]
    public async Task an_order_with_a_long_preparation_is_held_until_its_rider_must_leave_while_a_quick_one_is_offered_at_once()
    {
        int[] riders = [1, 3, 5, 9, 10];
        var slow = await app.AcceptedWithPrepAsync(customer: 1, prepMinutes: 40);
        var quick = await app.AcceptedWithPrepAsync(customer: 2, prepMinutes: 5);
        try
        {
            for (var i = 0; i < riders.Length; i++)
            {
                await app.OnlineAsync(riders[i], latOffset: 0.001 * i);
            }

            var (taker, quickOffer) = await app.OfferedAsync(quick, riders);
            (await app.Rider(taker).PostAsync($"/api/rider/offers/{quickOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.Zone(EastZone).RunRound();
            foreach (var rider in riders)
            {
                (await app.OfferOfAsync(rider, slow)).ShouldBeNull("the v1 policy would offer it now; the optimiser holds it");
            }

            // Minute by minute (the silo reads the same clock) until someone is offered it: not long before they must set off.
            var minutes = 0;
            while (!await OfferedToAnyAsync(slow, riders))
            {
                minutes++;
                minutes.ShouldBeLessThanOrEqualTo(40, "the held order is offered before its food is ready");
                await app.AdvanceAsync(TimeSpan.FromMinutes(1), riders);
                await app.Zone(EastZone).RunRound();
            }

            minutes.ShouldBeGreaterThanOrEqualTo(20);
        }
        finally
        {
            await app.OfflineAsync(riders);
        }
    }

    private async Task<bool> OfferedToAnyAsync(Guid orderId, int[] riders)
    {
        foreach (var rider in riders)
        {
            if (await app.OfferOfAsync(rider, orderId) is not null)
            {
                return true;
            }
        }

        return false;
    }
}

public sealed class ProductionDispatchOnSqlite(QuickPingSqliteApp app) : ProductionDispatchTests(app), IClassFixture<QuickPingSqliteApp>;

public sealed class ProductionDispatchOnPostgres(QuickPingPostgresApp app) : ProductionDispatchTests(app), IClassFixture<QuickPingPostgresApp>;

/// <summary>Orders placed with checkout choices, paid on the bus and accepted by the noodle shop.</summary>
internal static class TierKit
{
    public static async Task<Guid> AcceptedWithPrepAsync(this KaifanApp app, int customer, int prepMinutes) =>
        await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1))), customer, prepMinutes);

    public static async Task<Guid> AcceptPaidAsync(this KaifanApp app, System.Text.Json.Nodes.JsonNode order, int customer, int prepMinutes)
    {
        await app.PayAsync(order);
        var id = IdOf(order);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "AwaitingAcceptance", "the order is paid");
        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public static object Checkout(int customer, object extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["merchantId"] = Shop,
            ["addressId"] = Kaifan.BuildingBlocks.DemoCampus.Id($"address:{customer}"),
            ["lines"] = new[] { Line(ColdBeef, 1) },
        };
        foreach (var p in extra.GetType().GetProperties())
        {
            body[p.Name] = p.GetValue(extra);
        }

        return body;
    }
}
