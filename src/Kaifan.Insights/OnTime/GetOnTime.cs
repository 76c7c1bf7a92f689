using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.OnTime;

/// <summary>An hour (UTC start; LocalHour is the same hour in Shanghai, as the console shows it).</summary>
internal sealed record OnTimeHour(DateTimeOffset Hour, string LocalHour, int Delivered, int OnTime, double? Rate, Dictionary<string, int> Causes);

/// <summary>准时宝 orders delivered, and how many within their window (promise + 3 min).</summary>
internal sealed record GuaranteeRecord(int Delivered, int Kept, double? Rate);

/// <summary>TravelFlag: travel overruns are the top cause among enough late orders — routing trouble for dispatch.</summary>
internal sealed record OnTimeZone(
    Guid ZoneId, int Delivered, int OnTime, double? Rate, Dictionary<string, int> Causes, string? MainCause, bool TravelFlag, List<OnTimeHour> Hours,
    GuaranteeRecord Guarantee);

internal sealed record LateOrder(
    Guid OrderId, Guid? ZoneId, Guid? MerchantId, DateTimeOffset PromisedAt, DateTimeOffset DeliveredAt, double LateMinutes, string Cause,
    string? PrepSource, Attribution? Overruns);

internal sealed record OnTimeReport(DateTimeOffset From, DateTimeOffset To, double Threshold, List<OnTimeZone> Zones, List<LateOrder> LateOrders);

/// <summary>
/// GET /api/ops/insights/ontime?zoneId=&amp;from=&amp;to=: delivered orders against their promise, per zone and hour
/// (by delivery time, from and to inclusive), with late orders' causes. Defaults to the last 24 hours, every zone.
/// </summary>
internal static class GetOnTime
{
    private const int MaxLateOrders = 50;
    private static readonly DateTimeOffset Earliest = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);

    internal sealed record Query(Guid? ZoneId, DateTimeOffset? From, DateTimeOffset? To);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).InclusiveBetween(Earliest, Latest).When(q => q.From is not null)
                .WithMessage("开始时间超出范围 (from must be between 2020 and 2099)");
            RuleFor(q => q.To).InclusiveBetween(Earliest, Latest).When(q => q.To is not null)
                .WithMessage("结束时间超出范围 (to must be between 2020 and 2099)");
            RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage("结束时间须晚于开始时间 (to must be after from)");
            RuleFor(q => q.To).Must((q, to) => to!.Value - q.From!.Value <= TimeSpan.FromDays(31)).When(q => q.From is not null && q.To is not null)
                .WithMessage("时间范围最长31天 (at most 31 days)");
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/insights/ontime", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Query>()
            .WithTags("Ops insights")
            .Produces<OnTimeReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        [AsParameters] Query query, InsightsDb db, OnTimeSettings settings, [FromServices] ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        if (query.ZoneId is { } zone && await catalog.GetZoneAsync(zone, ct) is null)
        {
            return Problems.NotFound("区域");
        }

        var to = (query.To ?? query.From?.AddDays(1) ?? clock.GetUtcNow()).ToUniversalTime();
        var from = (query.From ?? to.AddDays(-1)).ToUniversalTime();

        var rows = await db.Timelines.AsNoTracking()
            .Where(t => t.OnTime != null && t.DeliveredAt >= from && t.DeliveredAt <= to && t.ZoneId != null)
            .Where(t => query.ZoneId == null || t.ZoneId == query.ZoneId)
            .ToListAsync(ct);

        var zones = rows.GroupBy(r => r.ZoneId!.Value).OrderBy(g => g.Key).Select(g => ZoneOf(g.Key, g.ToList(), settings)).ToList();
        var late = rows.Where(r => r.OnTime == false).OrderByDescending(r => r.DeliveredAt).Take(MaxLateOrders)
            .Select(r => new LateOrder(
                r.OrderId, r.ZoneId, r.MerchantId, r.PromisedAt!.Value, r.DeliveredAt!.Value, r.LateMinutes ?? 0, r.Cause ?? LateCause.Unknown,
                r.PromisedPrepSource, r.Facts() is { } facts ? LateCauses.Attribute(facts, settings.ToleranceMinutes) : null))
            .ToList();
        return Results.Ok(new OnTimeReport(from, to, settings.AlertThreshold, zones, late));
    }

    private static OnTimeZone ZoneOf(Guid zoneId, List<OrderTimeline> rows, OnTimeSettings settings)
    {
        var causes = CauseCounts.Of(rows.Where(r => r.OnTime == false).Select(r => r.Cause));
        var main = CauseCounts.Main(causes);
        var hours = rows
            .GroupBy(r => HourOf(r.DeliveredAt!.Value))
            .OrderBy(h => h.Key)
            .Select(h =>
            {
                var onTime = h.Count(r => r.OnTime == true);
                return new OnTimeHour(
                    h.Key, h.Key.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:00"), h.Count(), onTime, Rate(onTime, h.Count()),
                    CauseCounts.Of(h.Where(r => r.OnTime == false).Select(r => r.Cause)));
            })
            .ToList();
        var zoneOnTime = rows.Count(r => r.OnTime == true);
        var guaranteed = rows.Where(r => r.GuaranteeKept is not null).ToList();
        var kept = guaranteed.Count(r => r.GuaranteeKept == true);
        return new OnTimeZone(
            zoneId, rows.Count, zoneOnTime, Rate(zoneOnTime, rows.Count), causes, causes.Values.Sum() == 0 ? null : main,
            TravelFlags.Flagged(causes, settings), hours, new GuaranteeRecord(guaranteed.Count, kept, Rate(kept, guaranteed.Count)));
    }

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static double? Rate(int onTime, int delivered) => delivered == 0 ? null : Math.Round((double)onTime / delivered, 4);
}
