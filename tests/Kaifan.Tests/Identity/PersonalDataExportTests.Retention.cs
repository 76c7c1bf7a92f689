using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>The position trail is kept 30 days, each rider's newest point for good, and a rider's copy carries all that is kept.</summary>
public abstract partial class PersonalDataExportTests
{
    [Fact]
    public async Task the_hourly_retention_deletes_trail_points_past_30_days_but_each_riders_newest_and_the_copy_carries_what_is_kept()
    {
        var (working, away) = (DemoCampus.RiderId(11), DemoCampus.RiderId(12));
        var now = app.Clock.GetUtcNow();

        // In order of time, as the flusher writes them. The rider away has been offline 45 days: their last point stays.
        var trail = await TrailAsync(
            (away, now.AddDays(-50)), (away, now.AddDays(-45)), (working, now.AddDays(-40)), (working, now.AddDays(-30).AddMinutes(30)),
            (working, now.AddDays(-29)), (working, now.AddDays(-10)), (working, now.AddHours(-1)));

        app.Clock.Advance(PositionRetention.Period);

        var expired = trail[3];
        await PaymentProbe.EventuallyAsync(async () => !(await KeptAsync(trail)).Contains(expired.Id), "the point 30 days old an hour later is deleted");
        (await KeptAsync(trail)).ShouldBe(new[] { trail[1].Id, trail[4].Id, trail[5].Id, trail[6].Id }, ignoreOrder: true);

        var copy = (await app.Client(TestTokens.Rider(11)).GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["rider"]!;
        copy["positionsKeptDays"]!.GetValue<int>().ShouldBe(30);
        copy["positions"]!.AsArray().Select(p => p!["latitude"]!.GetValue<double>()).ToArray().ShouldBe(
            new[] { trail[4].Latitude, trail[5].Latitude, trail[6].Latitude }, "oldest first, 10 days back too");
        var awayCopy = (await app.Client(TestTokens.Rider(12)).GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["rider"]!;
        awayCopy["positions"]!.AsArray().ShouldHaveSingleItem()!["latitude"]!.GetValue<double>().ShouldBe(trail[1].Latitude);
    }

    [Fact]
    public async Task the_retention_walks_the_old_trail_range_by_range_and_stops_at_the_window()
    {
        var rider = DemoCampus.RiderId(11);
        var now = app.Clock.GetUtcNow();
        List<RiderPosition> old, recent;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // More than two of the job's ranges of old points, then a recent few: one save, in order of time. The job
            // stops at the first range that ends inside the window, relying on ids growing with time as the flusher
            // writes them, so the trail this class wrote before goes first.
            var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            await db.RiderPositions.ExecuteDeleteAsync();
            old = Enumerable.Range(0, 2_500).Select(i => new RiderPosition { RiderId = rider, Latitude = 31.1, Longitude = 121.4, At = now.AddDays(-40).AddSeconds(i) }).ToList();
            recent = Enumerable.Range(0, 5).Select(i => new RiderPosition { RiderId = rider, Latitude = 31.2, Longitude = 121.4, At = now.AddHours(-1).AddSeconds(i) }).ToList();
            db.RiderPositions.AddRange(old.Concat(recent));
            await db.SaveChangesAsync();
        }

        app.Clock.Advance(PositionRetention.Period);

        await PaymentProbe.EventuallyAsync(async () => (await KeptAsync(old)).Count == 0, "every point 40 days old is deleted, across ranges");
        (await KeptAsync(recent)).Count.ShouldBe(recent.Count);
    }

    private async Task<List<RiderPosition>> TrailAsync(params (Guid Rider, DateTimeOffset At)[] points)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var trail = points.Select((p, i) => new RiderPosition { RiderId = p.Rider, Latitude = 31.02 + i / 1000.0, Longitude = 121.44, At = p.At }).ToList();
        foreach (var point in trail)
        {
            // One save each, so the ids grow with time as the flusher's do.
            db.RiderPositions.Add(point);
            await db.SaveChangesAsync();
        }

        return trail;
    }

    private async Task<List<long>> KeptAsync(List<RiderPosition> trail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ids = trail.Select(p => p.Id).ToList();
        return await scope.ServiceProvider.GetRequiredService<DispatchDb>().RiderPositions.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync();
    }
}
