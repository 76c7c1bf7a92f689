using Kaifan.BuildingBlocks.Hosting;
using Kaifan.Contracts;
using Kaifan.Insights.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Insights.Campaigns;

/// <summary>Kaifan:Insights:Campaigns:TickMinutes — how often segments are refreshed and due campaigns run.</summary>
internal sealed record CampaignSettings(TimeSpan Tick)
{
    public static CampaignSettings FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromMinutes(configuration.GetSection("Kaifan:Insights:Campaigns").GetValue<double?>("TickMinutes") ?? 10));
}

/// <summary>
/// Every tick: refreshes the segments, runs each daily campaign that is due (claimed by bumping its ScheduleVersion,
/// so of several hosts one runs it) and each on-entering campaign for the customers who just entered its segment.
/// Everything it needs lives in the database, so a restart loses nothing: a run missed while down happens at the next tick.
/// </summary>
internal sealed class CampaignScheduler(IServiceScopeFactory scopes, TimeProvider clock, CampaignSettings settings, ILogger<CampaignScheduler> log)
    : PeriodicJob(settings.Tick, clock, log, "Campaign tick failed; what was due is still due at the next tick")
{
    public override async Task TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var segmentation = await services.GetRequiredService<SegmentRefresh>().RefreshAsync(ct);
        var db = services.GetRequiredService<InsightsDb>();
        var now = Clock.GetUtcNow();
        var active = await db.Campaigns.AsNoTracking().Where(c => !c.Paused).ToListAsync(ct);
        foreach (var campaign in active.OrderBy(c => c.CreatedAt))
        {
            if (campaign.Trigger == CampaignTriggers.OnEnter)
            {
                await RunAsync(campaign, CampaignRunKinds.Entered, segmentation.At, ct);
            }
            else if (campaign.NextRunAt <= now && await ClaimAsync(db, campaign, now, ct))
            {
                await RunAsync(campaign, CampaignRunKinds.Schedule, segmentation.At, ct);
            }
        }
    }

    private static async Task<bool> ClaimAsync(InsightsDb db, Campaign campaign, DateTimeOffset now, CancellationToken ct)
    {
        var next = CampaignSchedule.NextRunAfter(campaign.RunAt!.Value, now);
        return await db.Campaigns.Where(c => c.Id == campaign.Id && c.ScheduleVersion == campaign.ScheduleVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ScheduleVersion, c => c.ScheduleVersion + 1).SetProperty(c => c.NextRunAt, next), ct) == 1;
    }

    private async Task RunAsync(Campaign campaign, string kind, DateTimeOffset segmentedAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<CampaignRunner>().RunAsync(campaign.Id, kind, segmentedAt, ct);
        if (run is not null)
        {
            Log.LogInformation("Campaign {Campaign} ({Kind}): {Granted} granted of {Targeted} targeted", campaign.Name, kind, run.Granted, run.Targeted);
        }
    }
}

internal static class CampaignSchedule
{
    /// <summary>The first time after now that the Shanghai clock shows runAt, in UTC.</summary>
    public static DateTimeOffset NextRunAfter(TimeOnly runAt, DateTimeOffset now)
    {
        var shanghai = now.ToOffset(ChinaTime.Offset);
        var next = new DateTimeOffset(shanghai.Date + runAt.ToTimeSpan(), ChinaTime.Offset);
        return (next > now ? next : next.AddDays(1)).ToUniversalTime();
    }
}
