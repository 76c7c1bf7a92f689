using Kaifan.Contracts.Queries;
using Kaifan.Insights;
using Kaifan.Insights.Forecasting;
using Kaifan.Insights.Planning;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kaifan.Tests.Insights;

public sealed class LiveForecasterTests : IDisposable
{
    private readonly List<IDisposable> resources = [];

    private static readonly Guid[] Zones = [Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002")];
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 20, 0, TimeSpan.Zero);

    /// <summary>A lunch-and-dinner rhythm with noise, one zone busier than the other, ending at the hour before Now.</summary>
    private static List<ZoneHourCount> Orders(int days)
    {
        var random = new Random(7);
        var end = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var result = new List<ZoneHourCount>();
        for (var hour = end.AddDays(-days); hour < end; hour = hour.AddHours(1))
            for (var z = 0; z < Zones.Length; z++)
            {
                var rhythm = hour.Hour is 3 or 4 or 5 ? 3.0 : hour.Hour is 10 or 11 ? 2.0 : 0.4;
                var count = (int)Math.Round((z + 1) * 10 * rhythm * (0.8 + 0.4 * random.NextDouble()));
                if (count > 0) result.Add(new ZoneHourCount(Zones[z], hour, count));
            }
        return result;
    }

    private sealed class FakeVolumes(List<ZoneHourCount> counts) : IOrderVolumeHistory
    {
        public Task<IReadOnlyList<ZoneHourCount>> HourlyCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ZoneHourCount>>(counts.Where(c => c.Hour >= from && c.Hour < to).ToList());
    }

    /// <summary>The service over the given own orders, with an empty imported history in an in-memory SQLite database.</summary>
    private ForecastService Service(List<ZoneHourCount> counts)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        resources.Add(connection);
        connection.Open();
        var services = new ServiceCollection()
            .AddSingleton<IOrderVolumeHistory>(new FakeVolumes(counts))
            .AddDbContext<InsightsDb, SqliteInsightsDb>(o => o.UseSqlite(connection))
            .AddScoped<DemandCounts>()
            .BuildServiceProvider();
        resources.Add(services);
        using (var scope = services.CreateScope())
            scope.ServiceProvider.GetRequiredService<InsightsDb>().Database.Migrate();
        var settings = new ForecastSettings(3, TimeSpan.FromHours(20), 12, ModelOptions.Tiny);
        return new ForecastService(services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(Now), settings,
            NullLogger<ForecastService>.Instance);
    }

    [Fact]
    public async Task on_a_short_history_the_service_ships_the_best_baseline_and_says_why()
    {
        var service = Service(Orders(days: 10));
        service.Status.State.ShouldBe(TrainingState.Idle);

        await service.TrainOnceAsync(CancellationToken.None);

        var status = service.Status;
        status.State.ShouldBe(TrainingState.Ready);
        status.Percent.ShouldBe(100);
        status.LastTrainedAt.ShouldBe(Now);
        status.HistoryHours.ShouldBe(10 * 24);
        status.Shipped.ShouldNotBe("model");
        status.Shipped.ShouldBe(status.BestBaseline);
        status.BestBaselineWape.ShouldNotBeNull();
        status.Note.ShouldContain("too short");
        service.Current!.Model.ShouldBeNull();
    }

    [Fact]
    public async Task with_no_orders_at_all_the_service_is_ready_with_a_baseline()
    {
        var service = Service([]);
        await service.TrainOnceAsync(CancellationToken.None);
        service.Status.State.ShouldBe(TrainingState.Ready);
        service.Status.Shipped.ShouldNotBe("model");
    }

    [Fact]
    public void training_reports_rising_progress_and_ships_the_model_only_if_it_beats_the_best_baseline()
    {
        var counts = Orders(days: 50);
        var first = counts.Min(c => c.Hour);
        var history = ZoneHistory.Build(counts, Zones, first, 50 * 24);
        var progress = new List<int>();

        var trained = LiveForecaster.Train(history, Zones, ModelOptions.Tiny, progress.Add);

        progress.ShouldNotBeEmpty();
        progress.ShouldBe(progress.Order().ToList());
        progress[^1].ShouldBe(100);
        trained.ModelWape.ShouldNotBeNull();
        trained.BestBaselineWape.ShouldNotBeNull();
        trained.TrainingRows.ShouldBeGreaterThan(0);
        if (trained.ModelWape < trained.BestBaselineWape)
        {
            trained.Shipped.ShouldBe(Method.Model);
            trained.Model.ShouldNotBeNull();
        }
        else
        {
            trained.Shipped.ShouldBe(trained.BestBaseline);
        }

        var forecast = trained.Forecast(history, ModelOptions.Tiny);
        forecast.Length.ShouldBe(2);
        forecast.ShouldAllBe(f => f.Length == 2 && f.All(v => v >= 0 && !float.IsNaN(v)));
        // 10:00 and 11:00 are the busy late-morning hours of the busier zone 2: about 40 orders each.
        forecast[1][0].ShouldBeInRange(25f, 55f);
    }

    public void Dispose()
    {
        foreach (var resource in Enumerable.Reverse(resources))
        {
            resource.Dispose();
        }
    }
}
