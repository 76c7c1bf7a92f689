using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.OnTime;

internal sealed record AlertView(
    Guid Id, Guid ZoneId, DateTimeOffset WindowFrom, DateTimeOffset RaisedAt, int Delivered, int OnTime, double Rate, double Threshold,
    string MainCause, string MainCauseLabel, Dictionary<string, int> Causes);

/// <summary>GET /api/ops/insights/alerts?zoneId=: the latest on-time alerts, newest first.</summary>
internal static class ListAlerts
{
    private const int Limit = 100;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/insights/alerts", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops insights")
            .Produces<List<AlertView>>();

    private static async Task<IResult> HandleAsync(Guid? zoneId, InsightsDb db, CancellationToken ct)
    {
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => zoneId == null || a.ZoneId == zoneId)
            .OrderByDescending(a => a.RaisedAt)
            .Take(Limit)
            .ToListAsync(ct);
        return Results.Ok(alerts.Select(a => new AlertView(
            a.Id, a.ZoneId, a.WindowFrom, a.RaisedAt, a.Delivered, a.OnTime, a.Rate, a.Threshold, a.MainCause, LateCause.LabelOf(a.MainCause), a.CauseCounts())).ToList());
    }
}
