using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Simulation;

/// <summary>The operator's onboarding endpoints the day simulator relies on: zones, shops, staff and rider profiles.</summary>
public abstract class OpsOnboardingTests(KaifanApp app)
{
    [Fact]
    public async Task an_operator_opens_a_zone_signs_up_a_shop_round_the_clock_and_registers_its_staff_and_a_rider()
    {
        var ops = app.Client(TestTokens.Operator());
        var zone = await JsonAsync(await ops.PostAsJsonAsync("/api/ops/zones", NewZone()), HttpStatusCode.Created);
        var zoneId = zone.GetProperty("id").GetGuid();

        var shop = await JsonAsync(await ops.PostAsJsonAsync("/api/ops/merchants", new
        {
            zoneId, name = "新店", latitude = 31.03, longitude = 121.45, dish = new { name = "黄焖鸡", priceFen = 2200 },
        }), HttpStatusCode.Created);
        var merchantId = shop.GetProperty("id").GetGuid();
        var listed = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonElement[]>($"/api/zones/{zoneId}/merchants") ?? [];
        listed.Single().GetProperty("isOpenNow").GetBoolean().ShouldBeTrue();
        var menu = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonElement>($"/api/merchants/{merchantId}/menu");
        menu.GetProperty("categories")[0].GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("黄焖鸡");

        var staff = await JsonAsync(await ops.PostAsJsonAsync("/api/ops/staff", new { phone = "13311110001", name = "店长", role = "merchant", merchantId }), HttpStatusCode.Created);
        staff.GetProperty("merchantId").GetGuid().ShouldBe(merchantId);
        (await ops.PostAsJsonAsync("/api/ops/staff", new { phone = "13311110001", name = "店长", role = "merchant", merchantId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var rider = await JsonAsync(await ops.PostAsJsonAsync("/api/ops/staff", new { phone = "13411110001", name = "骑手", role = "rider" }), HttpStatusCode.Created);
        var riderId = rider.GetProperty("riderId").GetGuid();
        riderId.ShouldBe(rider.GetProperty("userId").GetGuid());
        var profile = await JsonAsync(await ops.PutAsJsonAsync($"/api/ops/riders/{riderId}/profile", new
        {
            homeZoneId = zoneId, vehicleType = "scooter", batteryRangeKm = 60.0, capacity = 3, acceptsStairs = true,
        }), HttpStatusCode.OK);
        profile.GetProperty("speedKmh").GetDouble().ShouldBe(25);

        var tokens = await app.Client().PostAsJsonAsync("/api/auth/codes", new { phone = "13411110001" });
        tokens.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task onboarding_refuses_strangers_unknown_zones_shops_outside_their_zone_and_bad_input()
    {
        var ops = app.Client(TestTokens.Operator());
        (await app.Client(TestTokens.Customer(2)).PostAsJsonAsync("/api/ops/zones", NewZone())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.MerchantStaff(1)).PostAsJsonAsync("/api/ops/staff", new { phone = "13311110009", name = "x", role = "rider" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var unknownZone = new { zoneId = Guid.NewGuid(), name = "无区", latitude = 31.03, longitude = 121.45, dish = new { name = "面", priceFen = 1000 } };
        (await ops.PostAsJsonAsync("/api/ops/merchants", unknownZone)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var far = new { zoneId = DemoCampus.ZoneId(1), name = "远店", latitude = 31.5, longitude = 121.45, dish = new { name = "面", priceFen = 1000 } };
        var outside = await ops.PostAsJsonAsync("/api/ops/merchants", far);
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("latitude");

        var noDish = await ops.PostAsJsonAsync("/api/ops/merchants", new { zoneId = DemoCampus.ZoneId(1), name = "店", latitude = 31.025, longitude = 121.442 });
        noDish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDish.Content.ReadAsStringAsync()).ShouldContain("dish");

        (await ops.PostAsJsonAsync("/api/ops/staff", new { phone = "13311110010", name = "店长", role = "merchant", merchantId = Guid.NewGuid() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badRole = await ops.PostAsJsonAsync("/api/ops/staff", new { phone = "13311110011", name = "x", role = "operator" });
        badRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badRole.Content.ReadAsStringAsync()).ShouldContain("role");
        (await ops.PutAsJsonAsync($"/api/ops/riders/{Guid.NewGuid()}/profile", new { homeZoneId = Guid.NewGuid(), vehicleType = "scooter", batteryRangeKm = 60.0, capacity = 3, acceptsStairs = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ops.PutAsJsonAsync($"/api/ops/riders/{Guid.NewGuid()}/profile", new { homeZoneId = DemoCampus.ZoneId(1), vehicleType = "rocket", batteryRangeKm = 60.0, capacity = 3, acceptsStairs = true }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task without_the_sms_sandbox_there_is_no_route_to_read_codes()
    {
        (await app.Client().PostAsJsonAsync("/api/auth/codes", new { phone = "13912340000" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await app.Client().GetAsync("/sandbox/sms/13912340000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("speed").GetDouble().ShouldBe(1);
    }

    private static object NewZone() => new
    {
        name = "新区", centerLat = 31.03, centerLon = 121.45, baseDeliveryFeeFen = 300, feePerKmFen = 100, freeDistanceKm = 1.0, maxDistanceKm = 5.0,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class OpsOnboardingOnSqlite(SqliteApp app) : OpsOnboardingTests(app), IClassFixture<SqliteApp>;

public sealed class OpsOnboardingOnPostgres(PostgresApp app) : OpsOnboardingTests(app), IClassFixture<PostgresApp>;
