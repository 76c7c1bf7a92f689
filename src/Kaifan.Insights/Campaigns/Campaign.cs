using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Campaigns;

/// <summary>
/// An automatic campaign: a coupon for the customers of one RFM segment who consent to marketing, at most once per
/// customer in CooldownDays. A daily one runs every day at RunAt (Shanghai time, NextRunAt in UTC); an on-entering one
/// grants to customers as they enter the segment (after the campaign was created), once per entry.
/// </summary>
internal sealed class Campaign
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Segment { get; init; }
    public required string Trigger { get; init; }
    public TimeOnly? RunAt { get; init; }
    public DateTimeOffset? NextRunAt { get; set; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public int CouponDays { get; init; }
    public int CooldownDays { get; init; }
    public bool Paused { get; set; }

    /// <summary>Daily: bumped by the host that claims a due run, so two hosts run it once.</summary>
    public int ScheduleVersion { get; set; }

    /// <summary>On entering: entries up to this time have been run.</summary>
    public DateTimeOffset? EnteredUpTo { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public string Reason => $"专属福利「{Name}」";
}

internal static class CampaignTriggers
{
    public const string Daily = "daily";
    public const string OnEnter = "on_enter";
    public static readonly IReadOnlyList<string> All = [Daily, OnEnter];
}

/// <summary>
/// One coupon a campaign granted; its id is the coupon's. Period is the cool-down period (daily) or the segment entry
/// (on entering) it was granted for: unique per campaign and customer, so two runs at once grant once.
/// </summary>
internal sealed class CampaignGrant
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid CustomerId { get; init; }
    public long Period { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
}

/// <summary>What one run did; Kind is "schedule", "manual" or "entered".</summary>
internal sealed class CampaignRun
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int Targeted { get; set; }
    public int SkippedNoConsent { get; set; }
    public int SkippedCooldown { get; set; }
    public int Granted { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("insights_campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.Name).HasMaxLength(CampaignRules.NameMaxLength);
        campaign.Property(c => c.Segment).HasMaxLength(32);
        campaign.Property(c => c.Trigger).HasMaxLength(16);
        campaign.Ignore(c => c.Reason);
    }
}

internal sealed class CampaignGrantConfiguration : IEntityTypeConfiguration<CampaignGrant>
{
    public void Configure(EntityTypeBuilder<CampaignGrant> grant)
    {
        grant.ToTable("insights_campaign_grants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Id).ValueGeneratedNever();
        grant.HasIndex(g => new { g.CampaignId, g.CustomerId, g.Period }).IsUnique();
        grant.HasIndex(g => g.CustomerId);
    }
}

internal sealed class CampaignRunConfiguration : IEntityTypeConfiguration<CampaignRun>
{
    public void Configure(EntityTypeBuilder<CampaignRun> run)
    {
        run.ToTable("insights_campaign_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Kind).HasMaxLength(16);
        run.HasIndex(r => r.CampaignId);
    }
}

internal static class CampaignRules
{
    public const int NameMaxLength = 40;
}
