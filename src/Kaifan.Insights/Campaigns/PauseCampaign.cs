using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Campaigns;

/// <summary>
/// POST /api/ops/insights/campaigns/{id}/pause and …/resume: a paused campaign neither runs on schedule nor on demand.
/// A daily one resumed runs next at its time after now, not for the days it missed; an on-entering one grants to
/// customers who enter from now on, not to those who entered while it was paused.
/// </summary>
internal static class PauseCampaign
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/ops/insights/campaigns/{id:guid}/pause", (Guid id, InsightsDb db, TimeProvider clock, CancellationToken ct) => SetAsync(id, true, db, clock, ct))
            .RequireAuthorization(Roles.Operator).WithTags("Insights").Produces<CampaignView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/api/ops/insights/campaigns/{id:guid}/resume", (Guid id, InsightsDb db, TimeProvider clock, CancellationToken ct) => SetAsync(id, false, db, clock, ct))
            .RequireAuthorization(Roles.Operator).WithTags("Insights").Produces<CampaignView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SetAsync(Guid id, bool paused, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return Problems.NotFound("活动 (campaign)");
        }

        var now = clock.GetUtcNow();
        if (campaign.Paused && !paused)
        {
            campaign.NextRunAt = campaign.RunAt is { } at ? CampaignSchedule.NextRunAfter(at, now) : null;
            campaign.EnteredUpTo = campaign.Trigger == CampaignTriggers.OnEnter ? now : campaign.EnteredUpTo;
        }

        campaign.Paused = paused;
        await db.SaveChangesAsync(ct);
        var runs = await db.CampaignRuns.AsNoTracking().Where(r => r.CampaignId == id).ToListAsync(ct);
        return Results.Ok(CampaignView.Of(campaign, runs.OrderByDescending(r => r.StartedAt).Take(10)));
    }
}
