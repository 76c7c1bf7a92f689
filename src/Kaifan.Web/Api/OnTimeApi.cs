namespace Kaifan.Web.Api;

// GET /api/ops/insights/ontime and /alerts, as the ops console reads them.

public sealed record OnTimeReportInfo(DateTimeOffset From, DateTimeOffset To, double Threshold, List<OnTimeZoneInfo> Zones, List<LateOrderInfo> LateOrders);

public sealed record OnTimeZoneInfo(
    Guid ZoneId, int Delivered, int OnTime, double? Rate, Dictionary<string, int> Causes, string? MainCause, bool TravelFlag, List<OnTimeHourInfo> Hours,
    GuaranteeInfo? Guarantee = null);

/// <summary>准时宝 orders delivered in the period and how many within their window.</summary>
public sealed record GuaranteeInfo(int Delivered, int Kept, double? Rate);

public sealed record OnTimeHourInfo(DateTimeOffset Hour, string LocalHour, int Delivered, int OnTime, double? Rate, Dictionary<string, int> Causes);

public sealed record LateOrderInfo(
    Guid OrderId, Guid? ZoneId, Guid? MerchantId, DateTimeOffset PromisedAt, DateTimeOffset DeliveredAt, double LateMinutes, string Cause, string? PrepSource,
    OverrunsInfo? Overruns = null);

/// <summary>Minutes each stage of a late order ran over its plan (negative: early).</summary>
public sealed record OverrunsInfo(double PrepOverrun, double RiderOverrun, double TravelOverrun, double DoorOverrun);

public sealed record OnTimeAlertInfo(
    Guid Id, Guid ZoneId, DateTimeOffset WindowFrom, DateTimeOffset RaisedAt, int Delivered, int OnTime, double Rate, double Threshold,
    string MainCause, string MainCauseLabel, Dictionary<string, int> Causes);

public static class OnTimeApi
{
    public static Task<ApiResult<OnTimeReportInfo>> OnTimeAsync(this KaifanApi api, Guid? zoneId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        api.SendAsync<OnTimeReportInfo>(
            HttpMethod.Get,
            $"api/ops/insights/ontime?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}{(zoneId is { } z ? $"&zoneId={z}" : "")}",
            ct: ct);

    public static Task<ApiResult<List<OnTimeAlertInfo>>> OnTimeAlertsAsync(this KaifanApi api, CancellationToken ct = default) =>
        api.SendAsync<List<OnTimeAlertInfo>>(HttpMethod.Get, "api/ops/insights/alerts", ct: ct);
}
