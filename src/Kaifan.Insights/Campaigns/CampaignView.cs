using Kaifan.Insights.Segments;

namespace Kaifan.Insights.Campaigns;

internal sealed record CampaignRunView(
    Guid Id, string Kind, DateTimeOffset StartedAt, int Targeted, int SkippedNoConsent, int SkippedCooldown, int Granted)
{
    public static CampaignRunView Of(CampaignRun r) => new(r.Id, r.Kind, r.StartedAt, r.Targeted, r.SkippedNoConsent, r.SkippedCooldown, r.Granted);
}

/// <summary>RunAt is "HH:mm" Shanghai time for a daily campaign; Runs are the latest first.</summary>
internal sealed record CampaignView(
    Guid Id, string Name, string Segment, string SegmentName, string Trigger, string? RunAt, DateTimeOffset? NextRunAt,
    long AmountFen, long MinSpendFen, int CouponDays, int CooldownDays, bool Paused, DateTimeOffset CreatedAt, List<CampaignRunView> Runs)
{
    public static CampaignView Of(Campaign c, IEnumerable<CampaignRun> runs) => new(
        c.Id, c.Name, c.Segment, RfmSegments.NameOf(c.Segment), c.Trigger, c.RunAt?.ToString("HH:mm"), c.NextRunAt,
        c.AmountFen, c.MinSpendFen, c.CouponDays, c.CooldownDays, c.Paused, c.CreatedAt,
        runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(CampaignRunView.Of).ToList());
}
