using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Campaigns;

/// <summary>GET /api/ops/insights/campaigns: every campaign, newest first, with its latest runs.</summary>
internal static class ListCampaigns
{
    private const int RunsShown = 10;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/insights/campaigns", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Insights")
            .Produces<List<CampaignView>>();

    private static async Task<IResult> HandleAsync(InsightsDb db, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().ToListAsync(ct);
        var runs = (await db.CampaignRuns.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.CampaignId);
        return Results.Ok(campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => CampaignView.Of(c, runs[c.Id].OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(RunsShown)))
            .ToList());
    }
}
