using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Insights.Segments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Campaigns;

/// <summary>
/// POST /api/ops/insights/campaigns/{id}/run (运行一次): refreshes the segments and runs the campaign now, answering
/// the run's counts. It runs under the same cool-down and unique grants as the scheduled runs, so pressing it twice
/// (or during a scheduled run) grants nobody twice. A paused campaign is 409.
/// </summary>
internal static class RunCampaignNow
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/insights/campaigns/{id:guid}/run", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Insights")
            .Produces<CampaignRunView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, InsightsDb db, SegmentRefresh segments, CampaignRunner runner, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return Problems.NotFound("活动 (campaign)");
        }

        if (campaign.Paused)
        {
            return Problems.Conflict("活动已暂停，请先恢复 (the campaign is paused)", "id");
        }

        var segmentation = await segments.RefreshAsync(ct);
        var run = await runner.RunAsync(id, CampaignRunKinds.Manual, segmentation.At, ct);
        return Results.Ok(CampaignRunView.Of(run!));
    }
}
