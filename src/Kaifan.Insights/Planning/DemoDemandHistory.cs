using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights.Planning;

/// <summary>The demo campus's made-up past: <c>Kaifan:Demo:DemandHistoryDays</c> (91: the forecaster's whole window) of
/// hourly orders for both demo zones, so the forecast page shows a trained model on the first run. Each later start
/// fills the hours since the last one, up to the first hour with orders of the platform's own (made-up and real orders
/// would add up). 0 turns it off (the tests do, except the ones about it).</summary>
internal sealed class DemoDemandHistory(IConfiguration configuration) : IDemoSeeder
{
    public const int DefaultDays = 91;

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var days = configuration.GetValue("Kaifan:Demo:DemandHistoryDays", DefaultDays);
        if (days <= 0) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var end = ZoneHistory.HourStart(now);
        var start = end.AddDays(-days);
        var zones = new[] { DemoCampus.ZoneId(1), DemoCampus.ZoneId(2) };
        var last = await db.ImportedVolumes.Where(v => v.Source == ImportedVolume.Demo && v.ZoneId == zones[0])
            .OrderByDescending(v => v.Hour).Select(v => (DateTimeOffset?)v.Hour).FirstOrDefaultAsync(ct);
        if (last is { } lastHour && lastHour.AddHours(1) > start) start = lastHour.AddHours(1);
        // The made-up past ends where the platform's own orders begin: from there on the demo's hours are real.
        var own = await scope.ServiceProvider.GetRequiredService<IOrderVolumeHistory>().HourlyCountsAsync(start, end, ct);
        if (own.Count > 0) end = own.Min(c => c.Hour);
        if (start >= end) return;

        // An operator may have imported some of these hours for a demo zone: theirs stay.
        var taken = (await db.ImportedVolumes.Where(v => v.Hour >= start && v.Hour < end).Select(v => new { v.ZoneId, v.Hour }).ToListAsync(ct))
            .Select(v => (v.ZoneId, v.Hour)).ToHashSet();
        for (var hour = start; hour < end; hour = hour.AddHours(1))
            for (var z = 0; z < zones.Length; z++)
                if (!taken.Contains((zones[z], hour)))
                    db.ImportedVolumes.Add(new ImportedVolume
                    {
                        ZoneId = zones[z], Hour = hour, Orders = DemoDemand.Orders(z, hour), Source = ImportedVolume.Demo, ImportedAt = now,
                    });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded them first.
        }
    }
}

/// <summary>A campus's orders by the hour: breakfast, a lunch peak at 11–12 and a dinner peak at 17–18 on the Shanghai
/// clock, lunch later and nights busier at weekends, rainy days busier, Poisson noise. The West zone is half the East.
/// Deterministic: an hour's count depends only on the zone and the hour, so a restart tops up the same story.</summary>
internal static class DemoDemand
{
    private static readonly double[] Weekday =
        [3, 1.5, 0.6, 0.3, 0.2, 0.3, 1, 5, 6, 3, 6, 22, 20, 8, 4, 5, 6, 16, 19, 11, 7, 9, 8, 5];

    private static readonly double[] Weekend =
        [4, 2, 0.8, 0.4, 0.2, 0.2, 0.5, 2, 2.5, 3, 5, 15, 20, 11, 5, 5, 6, 14, 18, 11, 8, 11, 10, 6];

    public static int Orders(int zone, DateTimeOffset hour)
    {
        var local = hour.ToOffset(ChinaTime.Offset);
        var day = (int)(local.Date - new DateTime(2020, 1, 1)).TotalDays;
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var weather = new Random(day * 7919);
        var rain = weather.NextDouble() < 0.2 ? 1.2 : 1.0;
        var dayLevel = Math.Exp(0.08 * Gaussian(new Random(day * 7919 + (zone + 1) * 104729)));
        var mean = (weekend ? Weekend : Weekday)[local.Hour] * (zone == 0 ? 1.0 : 0.5) * rain * dayLevel;
        return Poisson(new Random(unchecked(day * 7919 * 31 + local.Hour * 613 + zone * 104729)), mean);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) count++;
        return count;
    }
}
