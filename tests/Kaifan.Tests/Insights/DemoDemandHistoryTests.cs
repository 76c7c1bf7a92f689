using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Insights;
using Kaifan.Insights.Planning;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Insights;

/// <summary>The demo campus comes with 13 weeks of made-up orders, so its forecast page shows a trained model at once.</summary>
public abstract class DemoDemandHistoryTests(KaifanApp app)
{
    private HttpClient Operator => app.Client(TestTokens.Operator());

    private DateTimeOffset LastCompleteHour => DemandCsv.LastCompleteHour(app.Clock.GetUtcNow());

    private async Task<Dictionary<Guid, JsonElement>> HistoryAsync() =>
        (await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/history")).EnumerateArray()
        .ToDictionary(z => z.GetProperty("zoneId").GetGuid());

    [Fact]
    public async Task both_zones_have_91_days_of_campus_rhythm_up_to_the_last_hour_and_a_model_ships()
    {
        var history = await HistoryAsync();
        history.Keys.ShouldBe([DemoCampus.ZoneId(1), DemoCampus.ZoneId(2)], ignoreOrder: true);
        foreach (var zone in history.Values)
        {
            zone.GetProperty("hours").GetInt32().ShouldBeGreaterThanOrEqualTo(DemoDemandHistory.DefaultDays * 24);
            // Up to the hour before start, or to where another test's own order stopped it.
            zone.GetProperty("to").GetDateTimeOffset().ShouldBeGreaterThan(LastCompleteHour.AddDays(-2));
        }

        List<(Guid Zone, DateTimeOffset Hour, int Orders)> rows;
        await using (var scope = app.Services.CreateAsyncScope())
            rows = (await scope.ServiceProvider.GetRequiredService<InsightsDb>().ImportedVolumes.ToListAsync())
                .Select(v => (v.ZoneId, v.Hour, v.Orders)).ToList();
        double MeanAt(Guid zone, int beijingHour) =>
            rows.Where(r => r.Zone == zone && r.Hour.ToOffset(TimeSpan.FromHours(8)).Hour == beijingHour).Average(r => r.Orders);
        var east = DemoCampus.ZoneId(1);
        MeanAt(east, 11).ShouldBeGreaterThan(3 * MeanAt(east, 15));
        MeanAt(east, 18).ShouldBeGreaterThan(3 * MeanAt(east, 15));
        MeanAt(east, 15).ShouldBeGreaterThan(5 * MeanAt(east, 3));
        var ratio = (double)rows.Where(r => r.Zone == east).Sum(r => r.Orders) / rows.Where(r => r.Zone == DemoCampus.ZoneId(2)).Sum(r => r.Orders);
        ratio.ShouldBeInRange(1.8, 2.2);

        JsonElement training = default;
        for (var i = 0; i < 600; i++)
        {
            training = (await Operator.GetFromJsonAsync<JsonElement>("/api/ops/insights/forecast")).GetProperty("training");
            if (training.GetProperty("state").GetString() == "ready") break;
            await Task.Delay(100);
        }
        training.GetProperty("state").GetString().ShouldBe("ready", "within a minute");
        training.GetProperty("historyHours").GetInt32().ShouldBeGreaterThanOrEqualTo(DemoDemandHistory.DefaultDays * 24);
        training.GetProperty("shipped").GetString().ShouldBe("model", training.GetProperty("note").GetString());
    }

    [Fact]
    public async Task a_later_start_fills_only_the_hours_since_and_keeps_what_the_operator_imported()
    {
        var before = await HistoryAsync();
        var lastSeeded = LastCompleteHour;
        app.Clock.Advance(TimeSpan.FromHours(5));
        var imported = lastSeeded.AddHours(2);
        var csv = $"东区,{imported.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm},99\n";
        (await Operator.PostAsync("/api/ops/insights/history", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        var seeder = app.Services.GetServices<IDemoSeeder>().OfType<DemoDemandHistory>().Single();
        await seeder.SeedAsync(app.Services, CancellationToken.None);
        await seeder.SeedAsync(app.Services, CancellationToken.None);

        var after = await HistoryAsync();
        foreach (var (zone, was) in before)
        {
            after[zone].GetProperty("hours").GetInt32().ShouldBe(was.GetProperty("hours").GetInt32() + 5);
            after[zone].GetProperty("to").GetDateTimeOffset().ShouldBe(LastCompleteHour);
        }
        after[DemoCampus.ZoneId(1)].GetProperty("source").GetString().ShouldBe("demo+import");
        after[DemoCampus.ZoneId(2)].GetProperty("source").GetString().ShouldBe("demo");
        await using var scope = app.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<InsightsDb>().ImportedVolumes
            .SingleAsync(v => v.ZoneId == DemoCampus.ZoneId(1) && v.Hour == imported);
        (kept.Orders, kept.Source).ShouldBe((99, ImportedVolume.Imported));

        // Someone orders on the demo campus: the next start fills the hours up to that order's hour, and no further.
        app.Clock.SetUtcNow(LunchtimeApp.NextShanghaiNoon(app.Clock.GetUtcNow()));
        var ordered = app.Clock.GetUtcNow();
        await PaymentOrders.PlaceAsync(app, customer: 2);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await seeder.SeedAsync(app.Services, CancellationToken.None);
        var lastDemo = await scope.ServiceProvider.GetRequiredService<InsightsDb>().ImportedVolumes
            .Where(v => v.Source == ImportedVolume.Demo).OrderByDescending(v => v.Hour).Select(v => v.Hour).FirstAsync();
        lastDemo.ShouldBe(ordered.AddHours(-1));
    }
}

/// <summary>The demo campus with its made-up order history on (the other fixtures turn it off).</summary>
public abstract class DemoHistoryApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Demo:DemandHistoryDays"] = DemoDemandHistory.DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class DemoHistorySqliteApp() : DemoHistoryApp(Provider.Sqlite);

public sealed class DemoHistoryPostgresApp() : DemoHistoryApp(Provider.Postgres);

public sealed class DemoDemandHistoryOnSqlite(DemoHistorySqliteApp app) : DemoDemandHistoryTests(app), IClassFixture<DemoHistorySqliteApp>;

public sealed class DemoDemandHistoryOnPostgres(DemoHistoryPostgresApp app) : DemoDemandHistoryTests(app), IClassFixture<DemoHistoryPostgresApp>;
