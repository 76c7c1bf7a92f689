namespace Kaifan.Web.Api;

public sealed record RfmAveragesInfo(double RecencyDays, double Frequency, double MonetaryFen);

public sealed record SegmentInfo(
    string Key, string Name, int Customers, double AvgRecencyDays, double AvgFrequency, double AvgMonetaryFen, long TotalMonetaryFen);

public sealed record SegmentsInfo(DateTimeOffset At, int WindowDays, int Customers, RfmAveragesInfo Averages, List<SegmentInfo> Segments);

public sealed record CampaignRunInfo(Guid Id, string Kind, DateTimeOffset StartedAt, int Targeted, int SkippedNoConsent, int SkippedCooldown, int Granted);

public sealed record CampaignInfo(
    Guid Id, string Name, string Segment, string SegmentName, string Trigger, string? RunAt, DateTimeOffset? NextRunAt,
    long AmountFen, long MinSpendFen, int CouponDays, int CooldownDays, bool Paused, DateTimeOffset CreatedAt, List<CampaignRunInfo> Runs);

public sealed record CampaignInput(
    string Name, string Segment, string Trigger, string? RunAt, long AmountFen, long MinSpendFen, int CouponDays, int CooldownDays);

public sealed partial class KaifanApi
{
    // Insights: 用户分层 (RFM segments) and their automatic campaigns
    public Task<ApiResult<SegmentsInfo>> SegmentsAsync(CancellationToken ct = default) =>
        SendAsync<SegmentsInfo>(HttpMethod.Get, "api/ops/insights/segments", ct: ct);

    public Task<ApiResult<List<CampaignInfo>>> CampaignsAsync(CancellationToken ct = default) =>
        SendAsync<List<CampaignInfo>>(HttpMethod.Get, "api/ops/insights/campaigns", ct: ct);

    public Task<ApiResult<CampaignInfo>> CreateCampaignAsync(CampaignInput input, CancellationToken ct = default) =>
        SendAsync<CampaignInfo>(HttpMethod.Post, "api/ops/insights/campaigns", input, ct: ct);

    public Task<ApiResult<CampaignInfo>> SetCampaignPausedAsync(Guid id, bool paused, CancellationToken ct = default) =>
        SendAsync<CampaignInfo>(HttpMethod.Post, $"api/ops/insights/campaigns/{id}/{(paused ? "pause" : "resume")}", ct: ct);

    public Task<ApiResult<CampaignRunInfo>> RunCampaignAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<CampaignRunInfo>(HttpMethod.Post, $"api/ops/insights/campaigns/{id}/run", ct: ct);
}
