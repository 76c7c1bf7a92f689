using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Insights.DemandCsv;

namespace Kaifan.Tests.Insights;

/// <summary>An operator brings the station's past orders per zone and hour as CSV; the forecaster learns from them.</summary>
public abstract class DemandHistoryImportTests(KaifanApp app)
{
    private HttpClient Operator => app.Client(TestTokens.Operator());

    private DateTimeOffset LastCompleteHour => DemandCsv.LastCompleteHour(app.Clock.GetUtcNow());

    private Task<HttpResponseMessage> ImportAsync(string csv) =>
        Operator.PostAsync("/api/ops/insights/history", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<List<JsonElement>> ImportedAsync() =>
        (await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/history")).EnumerateArray().ToList();

    [Fact]
    public async Task imported_hours_show_on_the_forecast_chart_and_a_corrected_file_replaces_them()
    {
        (await Operator.DeleteAsync("/api/ops/insights/history")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        app.Clock.Advance(TimeSpan.FromDays(1)); // past any order another test placed
        var last = LastCompleteHour;
        var csv = new StringBuilder("zone,hour,orders\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"东区,{Local(last.AddHours(-i))},{10 + i}\n");
            csv.Append(CultureInfo.InvariantCulture, $"{DemoCampus.ZoneId(2)},{last.AddHours(-i):yyyy-MM-ddTHH:mm:ssZ},{i}\n");
        }

        var response = await ImportAsync(csv.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var zones = await ImportedAsync();
        zones.Select(z => z.GetProperty("zoneName").GetString()).ShouldBe(["东区", "西区"]);
        zones.ShouldAllBe(z => z.GetProperty("hours").GetInt32() == 12 && z.GetProperty("source").GetString() == "import");
        zones[0].GetProperty("orders").GetInt64().ShouldBe(Enumerable.Range(10, 12).Sum());
        zones[0].GetProperty("to").GetDateTimeOffset().ShouldBe(last);

        var forecast = await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/forecast");
        var east = forecast.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetGuid() == DemoCampus.ZoneId(1));
        // The chart's last 12 hours, oldest first, are the imported counts (no own orders in them).
        east.GetProperty("recent").EnumerateArray().Select(r => r.GetProperty("orders").GetInt32()).ShouldBe(Enumerable.Range(10, 12).Reverse());

        // Sent again with other counts for the last 3 hours only: those hours change, the earlier 9 stay.
        (await ImportAsync($"东区,{Local(last)},1\n东区,{Local(last.AddHours(-1))},1\n东区,{Local(last.AddHours(-2))},1\n")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await ImportedAsync()).Single(z => z.GetProperty("zoneName").GetString() == "东区");
        after.GetProperty("hours").GetInt32().ShouldBe(12);
        after.GetProperty("orders").GetInt64().ShouldBe(Enumerable.Range(13, 9).Sum() + 3);

        (await Operator.DeleteAsync($"/api/ops/insights/history?zone={DemoCampus.ZoneId(1)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ImportedAsync()).Select(z => z.GetProperty("zoneName").GetString()).ShouldBe(["西区"]);
    }

    [Fact]
    public async Task an_hour_with_the_platforms_own_orders_and_imported_ones_counts_both()
    {
        (await Operator.DeleteAsync("/api/ops/insights/history")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await PaymentOrders.PlaceAsync(app, customer: 2);
        app.Clock.Advance(TimeSpan.FromHours(1));

        (await ImportAsync($"东区,{Local(LastCompleteHour)},5\n西区,{Local(LastCompleteHour)},3\n")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forecast = await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/forecast");
        int LastHour(Guid zone) => forecast.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetGuid() == zone)
            .GetProperty("recent").EnumerateArray().Last().GetProperty("orders").GetInt32();
        LastHour(DemoCampus.ZoneId(1)).ShouldBe(5 + 1); // the noodle shop is in the East zone
        LastHour(DemoCampus.ZoneId(2)).ShouldBe(3);
    }

    [Fact]
    public async Task an_iso_time_without_an_offset_is_on_the_stations_clock_and_a_chinese_header_is_skipped()
    {
        (await Operator.DeleteAsync("/api/ops/insights/history")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var last = LastCompleteHour;
        var beijing = last.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        (await ImportAsync($"配送区,时间,订单数\n东区,{beijing},4\n")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var east = (await ImportedAsync()).Single();
        (east.GetProperty("from").GetDateTimeOffset(), east.GetProperty("hours").GetInt32()).ShouldBe((last, 1));
    }

    [Fact]
    public async Task a_file_with_bad_lines_is_refused_whole_naming_each_line_and_field()
    {
        (await Operator.DeleteAsync("/api/ops/insights/history")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var last = LastCompleteHour;
        var csv = $"zone,hour,orders\n东区,{Local(last)},7\n北区,{Local(last)},3\n西区,{Local(last)[..^2]}30,3\n西区,{Local(last.AddHours(1))},3\n" +
                  $"西区,{Local(last)},-1\n东区,{Local(last)},8\n东区;{Local(last)};8\n东区,0001-01-01 00:00,1\n";

        var response = await ImportAsync(csv);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(
            ["line 3.zone", "line 4.hour", "line 5.hour", "line 6.orders", "line 7.hour", "line 8", "line 9.hour"], ignoreOrder: true);
        errors.GetProperty("line 5.hour")[0].GetString()!.ShouldContain("not over yet");
        errors.GetProperty("line 7.hour")[0].GetString()!.ShouldContain("twice");
        (await ImportedAsync()).ShouldBeEmpty();

        var empty = await ImportAsync("zone,hour,orders\n");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ten_weeks_of_imported_history_let_a_model_ship_on_the_first_day()
    {
        (await Operator.DeleteAsync("/api/ops/insights/history")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ImportAsync(Days(LastCompleteHour, 70, "东区"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var training = await TrainedOnAsync(hours: 70 * 24);
        training.GetProperty("shipped").GetString().ShouldBe("model", training.GetProperty("note").GetString());
    }

    /// <summary>The import queued a retrain: waits for a run that read the imported hours (an earlier run may finish first).</summary>
    private async Task<JsonElement> TrainedOnAsync(int hours)
    {
        for (var i = 0; i < 600; i++)
        {
            var training = (await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/forecast")).GetProperty("training");
            if (training.GetProperty("state").GetString() == "ready" && training.GetProperty("historyHours").GetInt32() >= hours) return training;
            await Task.Delay(100);
        }
        throw new TimeoutException("the forecaster did not retrain within a minute of the import");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task only_operators_may_see_or_change_the_imported_history(string method)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), "/api/ops/insights/history")
        {
            Content = method == "POST" ? new StringContent("东区,2020-01-01 11:00,1", Encoding.UTF8, "text/csv") : null,
        };
        (await app.Client().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var token in new[] { TestTokens.Customer(4), TestTokens.Rider(1), TestTokens.MerchantStaff(1) })
            (await app.Client(token).SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class DemandHistoryImportOnSqlite(LunchtimeSqliteApp app) : DemandHistoryImportTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class DemandHistoryImportOnPostgres(LunchtimePostgresApp app) : DemandHistoryImportTests(app), IClassFixture<LunchtimePostgresApp>;
