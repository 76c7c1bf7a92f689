using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Catalog;

/// <summary>
/// 外卖柜 managed by the operator: what checkout offers and accepts follows at once, bad input and other roles change
/// nothing, and an order already sent to a locker still ends there after the locker is renamed, moved or removed.
/// </summary>
public abstract class OpsLockersTests(LunchtimeApp app)
{
    private static readonly Guid WestZone = DemoCampus.ZoneId(2);
    private static readonly Guid WestCanteenLocker = DemoCampus.Id("locker:2-1");

    private HttpClient Ops => app.Client(TestTokens.Operator());

    [Fact]
    public async Task a_locker_the_operator_adds_is_offered_and_quoted_at_checkout_follows_its_edit_and_is_refused_once_removed()
    {
        const int customer = 4;
        var shopper = app.Client(TestTokens.Customer(customer));

        var added = await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = "  东区3号楼外卖柜 ", latitude = 31.0262, longitude = 121.4425 });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var locker = await JsonOf(added);
        var id = locker["id"]!.GetValue<Guid>();
        locker["name"]!.GetValue<string>().ShouldBe("东区3号楼外卖柜");
        locker["zoneId"]!.GetValue<Guid>().ShouldBe(EastZone);

        var offered = (await ListAsync(EastZone)).Single(l => l!["id"]!.GetValue<Guid>() == id)!;
        offered["name"]!.GetValue<string>().ShouldBe("东区3号楼外卖柜");
        offered["latitude"]!.GetValue<double>().ShouldBe(31.0262);
        offered["longitude"]!.GetValue<double>().ShouldBe(121.4425);

        var quoted = await shopper.PostAsJsonAsync("/api/carts/quote", TierKit.Checkout(customer, new { delivery = "locker", lockerId = id }));
        quoted.StatusCode.ShouldBe(HttpStatusCode.OK, await quoted.Content.ReadAsStringAsync());
        var quote = await JsonOf(quoted);
        quote["delivery"]!.GetValue<string>().ShouldBe("locker");
        quote["lockerId"]!.GetValue<Guid>().ShouldBe(id);
        var nearKm = quote["distanceKm"]!.GetValue<double>();

        // Moved a kilometre and more further out: checkout prices the ride to where it stands now.
        var edited = await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{id}", new { name = "东区体育馆外卖柜", latitude = 31.0350, longitude = 121.4520 });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await JsonOf(edited))["name"]!.GetValue<string>().ShouldBe("东区体育馆外卖柜");
        var moved = (await ListAsync(EastZone)).Single(l => l!["id"]!.GetValue<Guid>() == id)!;
        moved["name"]!.GetValue<string>().ShouldBe("东区体育馆外卖柜");
        moved["latitude"]!.GetValue<double>().ShouldBe(31.0350);
        var farther = await JsonOf(await shopper.PostAsJsonAsync("/api/carts/quote", TierKit.Checkout(customer, new { delivery = "locker", lockerId = id })));
        farther["lockerId"]!.GetValue<Guid>().ShouldBe(id);
        farther["distanceKm"]!.GetValue<double>().ShouldBeGreaterThan(nearKm + 0.5);

        (await Ops.DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(EastZone)).ShouldNotContain(l => l!["id"]!.GetValue<Guid>() == id);
        var gone = await shopper.PostAsJsonAsync("/api/carts/quote", TierKit.Checkout(customer, new { delivery = "locker", lockerId = id }));
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(gone))["field"]!.GetValue<string>().ShouldBe("lockerId");
        (await Ops.DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task bad_input_unknown_zones_and_lockers_and_a_name_taken_in_the_zone_are_refused_by_field_and_change_nothing()
    {
        var eastBefore = (await ListAsync(EastZone)).ToJsonString();
        var westBefore = (await ListAsync(WestZone)).ToJsonString();
        var canteen = $"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}";

        await RefusedAsync(await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = " ", latitude = 31.025, longitude = 121.442 }), HttpStatusCode.BadRequest, "name");
        await RefusedAsync(await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = new string('柜', 51), latitude = 31.025, longitude = 121.442 }), HttpStatusCode.BadRequest, "name");
        await RefusedAsync(await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = "无纬度外卖柜", longitude = 121.442 }), HttpStatusCode.BadRequest, "latitude");
        await RefusedAsync(await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = "错误纬度外卖柜", latitude = 95.0, longitude = 121.442 }), HttpStatusCode.BadRequest, "latitude");
        await RefusedAsync(await Ops.PutAsJsonAsync(canteen, new { name = CanteenLockerName, latitude = 31.025, longitude = 200.0 }), HttpStatusCode.BadRequest, "longitude");

        // About 20 km north of 东区's centre, far beyond its 5 km range.
        var far = await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = "远处外卖柜", latitude = 31.205, longitude = 121.442 });
        await RefusedAsync(far, HttpStatusCode.BadRequest, "latitude");
        (await far.Content.ReadAsStringAsync()).ShouldContain("外卖柜不在该区域内");
        await RefusedAsync(await Ops.PutAsJsonAsync(canteen, new { name = CanteenLockerName, latitude = 31.205, longitude = 121.442 }), HttpStatusCode.BadRequest, "latitude");

        // Names are compared as the rider sends them back: trimmed.
        var taken = await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = $" {CanteenLockerName}", latitude = 31.026, longitude = 121.443 });
        await RefusedAsync(taken, HttpStatusCode.Conflict, "name");
        (await taken.Content.ReadAsStringAsync()).ShouldContain(CanteenLockerName);
        await RefusedAsync(await Ops.PutAsJsonAsync(canteen, new { name = "东区图书馆外卖柜", latitude = 31.0258, longitude = 121.4431 }), HttpStatusCode.Conflict, "name");

        (await Ops.PostAsJsonAsync($"/api/ops/zones/{Guid.NewGuid()}/lockers", new { name = "无区域外卖柜", latitude = 31.025, longitude = 121.442 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{Guid.NewGuid()}", new { name = "无此柜", latitude = 31.025, longitude = 121.442 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{WestCanteenLocker}", new { name = "西区错区", latitude = 31.025, longitude = 121.442 })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a locker is edited only under its own zone");
        (await Ops.DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{WestCanteenLocker}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.DeleteAsync($"/api/ops/zones/{Guid.NewGuid()}/lockers/{CanteenLocker}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ListAsync(EastZone)).ToJsonString().ShouldBe(eastBefore);
        (await ListAsync(WestZone)).ToJsonString().ShouldBe(westBefore);

        // Unique within the zone only: 西区 may have a locker of the same name.
        var west = await Ops.PostAsJsonAsync($"/api/ops/zones/{WestZone}/lockers", new { name = CanteenLockerName, latitude = 31.0252, longitude = 121.4285 });
        west.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Ops.DeleteAsync($"/api/ops/zones/{WestZone}/lockers/{(await JsonOf(west))["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task only_an_operator_may_add_edit_or_remove_a_locker()
    {
        var before = (await ListAsync(EastZone)).ToJsonString();
        var body = new { name = "顾客加的外卖柜", latitude = 31.025, longitude = 121.442 };
        foreach (var client in new[] { app.Client(TestTokens.Customer(1)), app.Client(TestTokens.Rider(1)), app.Staff() })
        {
            (await client.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.Client().PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client().DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ListAsync(EastZone)).ToJsonString().ShouldBe(before);
    }

    /// <summary>
    /// Catalog cannot see Ordering's orders, so removing a locker refuses nothing: the order carries the locker's name and
    /// position from checkout, the rider is sent there and delivers into it by that name.
    /// </summary>
    [Fact]
    public async Task an_order_sent_to_a_locker_is_still_routed_and_delivered_there_after_the_locker_is_renamed_moved_and_removed()
    {
        const int customer = 3, rider = 7;
        var added = await JsonOf(await Ops.PostAsJsonAsync($"/api/ops/zones/{EastZone}/lockers", new { name = "东区南门外卖柜", latitude = 31.0232, longitude = 121.4418 }));
        var lockerId = added["id"]!.GetValue<Guid>();
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { delivery = "locker", lockerId }));
        var id = await app.AcceptPaidAsync(order, customer, prepMinutes: 10);
        (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{lockerId}", new { name = "东区南门新柜", latitude = 31.0300, longitude = 121.4470 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ops.DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{lockerId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        try
        {
            await app.AssignAsync(id, rider);
            var view = await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{id}"));
            view["lockerName"]!.GetValue<string>().ShouldBe("东区南门外卖柜");
            var dropOff = (await JsonOf(await app.Rider(rider).GetAsync("/api/rider/tasks"))).AsArray().Single(t => t!["orderId"]!.GetValue<Guid>() == id)!["dropOff"]!;
            dropOff["latitude"]!.GetValue<double>().ShouldBe(31.0232);
            dropOff["longitude"]!.GetValue<double>().ShouldBe(121.4418);

            (await app.StepAsync(rider, id, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, id, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var delivered = await app.StepAsync(rider, id, "deliver", new { method = "locker", locker = "东区南门外卖柜" });
            delivered.StatusCode.ShouldBe(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
            (await app.CustomerViewAsync(id, customer))["pickupCode"]!.GetValue<string>().ShouldMatch("^[0-9]{6}$");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private async Task<JsonArray> ListAsync(Guid zoneId) => (await JsonOf(await app.Client().GetAsync($"/api/zones/{zoneId}/lockers"))).AsArray();

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        if (status == HttpStatusCode.BadRequest)
        {
            problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, text);
        }
        else
        {
            problem["field"]!.GetValue<string>().ShouldBe(field);
        }
    }
}

public sealed class OpsLockersOnSqlite(LunchtimeSqliteApp app) : OpsLockersTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OpsLockersOnPostgres(LunchtimePostgresApp app) : OpsLockersTests(app), IClassFixture<LunchtimePostgresApp>;
