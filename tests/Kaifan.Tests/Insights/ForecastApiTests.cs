using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Insights;

public abstract class ForecastApiTests(KaifanApp app)
{
    [Fact]
    public async Task the_operator_sees_each_zone_with_recent_hours_two_horizons_and_a_staffing_suggestion()
    {
        await PaymentOrders.PlaceAsync(app, customer: 3);

        var response = await app.Client(TestTokens.Operator()).GetAsync("/api/ops/insights/forecast");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var zones = body.GetProperty("zones").EnumerateArray().ToList();
        var ids = zones.Select(z => z.GetProperty("zoneId").GetGuid()).ToList();
        ids.ShouldContain(DemoCampus.ZoneId(1));
        ids.ShouldContain(DemoCampus.ZoneId(2));
        var issuedAt = body.GetProperty("issuedAt").GetDateTimeOffset();
        foreach (var zone in zones)
        {
            zone.GetProperty("zoneName").GetString().ShouldNotBeNullOrEmpty();
            var forecast = zone.GetProperty("forecast").EnumerateArray().ToList();
            forecast.Select(f => f.GetProperty("horizon").GetInt32()).ShouldBe([1, 2]);
            forecast.Select(f => f.GetProperty("hour").GetDateTimeOffset()).ShouldBe([issuedAt, issuedAt.AddHours(1)]);
            forecast.ShouldAllBe(f => f.GetProperty("orders").GetDouble() >= 0);
            zone.GetProperty("recent").GetArrayLength().ShouldBe(12);
            zone.GetProperty("ridersNeeded").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
            zone.GetProperty("gap").GetInt32().ShouldBe(zone.GetProperty("ridersNeeded").GetInt32() - zone.GetProperty("onlineRiders").GetInt32());
        }
        // The order just placed counts in its zone's current hour.
        zones.Sum(z => z.GetProperty("currentHourSoFar").GetInt32()).ShouldBeGreaterThanOrEqualTo(1);
        body.GetProperty("moves").ValueKind.ShouldBe(JsonValueKind.Array);
        // A fresh campus has no weeks of history: the best baseline ships, and the console says so.
        var training = body.GetProperty("training");
        training.GetProperty("state").GetString().ShouldBeOneOf("idle", "training", "ready");
    }

    [Fact]
    public async Task a_retrain_is_accepted_with_its_progress_and_ends_ready_on_a_baseline()
    {
        var client = app.Client(TestTokens.Operator());
        var response = await client.PostAsync("/api/ops/insights/forecast/retrain", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        status.GetProperty("percent").GetInt32().ShouldBeInRange(0, 100);

        JsonElement training = default;
        for (var i = 0; i < 100; i++)
        {
            training = (await client.GetFromJsonAsync<JsonElement>("/api/ops/insights/forecast")).GetProperty("training");
            if (training.GetProperty("state").GetString() == "ready") break;
            await Task.Delay(100);
        }
        training.GetProperty("state").GetString().ShouldBe("ready");
        training.GetProperty("shipped").GetString().ShouldNotBe("model");
        training.GetProperty("note").GetString()!.ShouldContain("too short");
    }

    [Theory]
    [InlineData("GET", "/api/ops/insights/forecast")]
    [InlineData("POST", "/api/ops/insights/forecast/retrain")]
    public async Task only_operators_may_use_the_forecast(string method, string path)
    {
        (await app.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var token in new[] { TestTokens.Customer(4), TestTokens.Rider(1), TestTokens.MerchantStaff(1) })
            (await app.Client(token).SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ForecastApiOnSqlite(LunchtimeSqliteApp app) : ForecastApiTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ForecastApiOnPostgres(LunchtimePostgresApp app) : ForecastApiTests(app), IClassFixture<LunchtimePostgresApp>;
