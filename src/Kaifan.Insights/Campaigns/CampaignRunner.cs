using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Insights.Campaigns;

/// <summary>
/// Runs one campaign against the segments as last refreshed: each targeted customer without marketing consent is
/// skipped, so is one granted this campaign within its cool-down; the others get its coupon, each grant committed with
/// its CouponGranted. The grant's unique (campaign, customer, period) makes a rerun, or two hosts running at once,
/// grant once. The run's counts are logged, except an automatic on-entering run that found no one new.
/// </summary>
internal sealed class CampaignRunner(InsightsDb db, IServiceScopeFactory scopes, IConsents consents, TimeProvider clock)
{
    public async Task<CampaignRun?> RunAsync(Guid campaignId, string kind, DateTimeOffset segmentedAt, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var now = clock.GetUtcNow();
        var run = new CampaignRun { Id = Guid.CreateVersion7(now), CampaignId = campaign.Id, Kind = kind, StartedAt = now };
        var cooledSince = now.AddDays(-campaign.CooldownDays);
        var recentlyGranted = (await db.CampaignGrants.AsNoTracking().Where(g => g.CampaignId == campaign.Id)
                .Select(g => new { g.CustomerId, g.GrantedAt }).ToListAsync(ct))
            .Where(g => g.GrantedAt > cooledSince).Select(g => g.CustomerId).ToHashSet();

        foreach (var (customerId, period) in await TargetsAsync(campaign, segmentedAt, now, ct))
        {
            run.Targeted++;
            if (!await consents.HasConsentAsync(customerId, ConsentPurposes.Marketing, ct))
            {
                run.SkippedNoConsent++;
            }
            else if (recentlyGranted.Contains(customerId) || !await GrantAsync(campaign, customerId, period, now, ct))
            {
                run.SkippedCooldown++;
            }
            else
            {
                run.Granted++;
            }
        }

        if (campaign.Trigger == CampaignTriggers.OnEnter)
        {
            await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EnteredUpTo, segmentedAt), ct);
        }

        if (run.Targeted == 0 && kind == CampaignRunKinds.Entered)
        {
            return null;
        }

        db.CampaignRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>
    /// A daily campaign targets the whole segment, its period the cool-down window the Shanghai day falls in; an
    /// on-entering one targets those who entered since its last run, each entry its own period.
    /// </summary>
    private async Task<List<(Guid CustomerId, long Period)>> TargetsAsync(Campaign campaign, DateTimeOffset segmentedAt, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.CustomerProfiles.AsNoTracking().Where(p => p.Segment == campaign.Segment && p.SegmentSince != null)
            .Select(p => new { p.CustomerId, SegmentSince = p.SegmentSince!.Value }).ToListAsync(ct);
        if (campaign.Trigger == CampaignTriggers.Daily)
        {
            var day = (now.ToOffset(ChinaTime.Offset).Date - DateTime.UnixEpoch.Date).Days;
            return members.OrderBy(m => m.CustomerId).Select(m => (m.CustomerId, (long)(day / campaign.CooldownDays))).ToList();
        }

        var since = campaign.EnteredUpTo ?? campaign.CreatedAt;
        return members.Where(m => m.SegmentSince > since && m.SegmentSince <= segmentedAt)
            .OrderBy(m => m.CustomerId).Select(m => (m.CustomerId, m.SegmentSince.UtcTicks)).ToList();
    }

    private async Task<bool> GrantAsync(Campaign campaign, Guid customerId, long period, DateTimeOffset now, CancellationToken ct)
    {
        // A scope per grant: a grant refused by the unique key leaves nothing behind in the next one's context or outbox.
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<InsightsDb>>();
        var couponId = Guid.CreateVersion7(now);
        outbox.DbContext.CampaignGrants.Add(new CampaignGrant { Id = couponId, CampaignId = campaign.Id, CustomerId = customerId, Period = period, GrantedAt = now });
        await outbox.PublishAsync(new CouponGranted(
            couponId, customerId, campaign.AmountFen, campaign.MinSpendFen, campaign.Reason, now, now.AddDays(campaign.CouponDays)));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }
}

internal static class CampaignRunKinds
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
    public const string Entered = "entered";
}
