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
            a.Id, a.ZoneId, a.WindowFrom, a.RaisedAt, a.Delivered, a.OnTime, a.Rate, a.Threshold, a.MainCause, LateCause.LabelOf(a.MainCause), CausesOf(a.Causes))).ToList());
    }

    private static Dictionary<string, int> CausesOf(string stored)
    {
        var counts = LateCause.All.ToDictionary(c => c, _ => 0);
        foreach (var pair in stored.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && counts.ContainsKey(parts[0]) && int.TryParse(parts[1], out var n))
            {
                counts[parts[0]] = n;
            }
        }

        return counts;
    }
}
