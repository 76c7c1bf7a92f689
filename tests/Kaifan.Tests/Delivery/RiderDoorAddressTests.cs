using System.Net;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// The assigned rider sees the door's whole address while the order is theirs to deliver, and no more than that: the
/// name keeps only the surname, the phone stays masked, another rider finds nothing and after delivery it is masked again.
/// </summary>
public abstract class RiderDoorAddressTests(LunchtimeApp app)
{
    private const string Door = "开饭大学东区 5号楼 218";

    [Fact]
    public async Task the_assigned_rider_sees_the_room_until_delivered_and_nobody_else_does()
    {
        const int customer = 2, rider = 1;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            ShouldShowTheDoor((await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")))["address"]!);
            (await app.Rider(2).GetAsync($"/api/rider/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            ShouldShowTheDoor((await JsonOf(await app.StepAsync(rider, orderId, "arrive")))["address"]!);
            ShouldShowTheDoor((await JsonOf(await app.StepAsync(rider, orderId, "pickup")))["address"]!);
            ShouldShowTheDoor((await JsonOf(await app.StepAsync(rider, orderId, "arrive-customer")))["address"]!);

            var delivered = await JsonOf(await app.StepAsync(rider, orderId, "deliver", new { method = "door" }));
            delivered["status"]!.GetValue<string>().ShouldBe("Delivered");
            ShouldBeMasked(delivered["address"]!);
            ShouldBeMasked((await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")))["address"]!);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private static void ShouldShowTheDoor(JsonNode address)
    {
        address["detail"]!.GetValue<string>().ShouldBe(Door);
        address["contactName"]!.GetValue<string>().ShouldEndWith("*");
        address["phone"]!.GetValue<string>().ShouldBe("138****0002");
    }

    private static void ShouldBeMasked(JsonNode address)
    {
        address["detail"]!.GetValue<string>().ShouldNotContain("218");
        address["detail"]!.GetValue<string>().ShouldEndWith("****");
        address["phone"]!.GetValue<string>().ShouldBe("138****0002");
    }
}

public sealed class RiderDoorAddressOnSqlite(LunchtimeSqliteApp app) : RiderDoorAddressTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderDoorAddressOnPostgres(LunchtimePostgresApp app) : RiderDoorAddressTests(app), IClassFixture<LunchtimePostgresApp>;
