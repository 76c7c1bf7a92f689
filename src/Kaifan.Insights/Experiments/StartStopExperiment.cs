using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// POST /api/ops/experiments/{key}/start and /stop. An experiment runs once: a stopped one does not start again (its
/// exposures would mix two periods), so starting twice or stopping what is not running is 409 naming "status".
/// </summary>
internal static class StartStopExperiment
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/ops/experiments/{key}/start", StartAsync)
            .RequireAuthorization(Roles.Operator).WithTags("Insights")
            .Produces<ExperimentView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/api/ops/experiments/{key}/stop", StopAsync)
            .RequireAuthorization(Roles.Operator).WithTags("Insights")
            .Produces<ExperimentView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> StartAsync(string key, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Experiments.Where(e => e.Key == key && e.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedAt, now), ct);
        return await AnswerAsync(db, key, changed, "实验已开始过 (the experiment has already started)", ct);
    }

    private static async Task<IResult> StopAsync(string key, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Experiments.Where(e => e.Key == key && e.StartedAt != null && e.StoppedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StoppedAt, now), ct);
        return await AnswerAsync(db, key, changed, "实验未在进行中 (the experiment is not running)", ct);
    }

    private static async Task<IResult> AnswerAsync(InsightsDb db, string key, int changed, string conflict, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Key == key, ct);
        if (experiment is null)
        {
            return Problems.NotFound("实验 (experiment)");
        }

        if (changed == 0)
        {
            return Problems.Conflict(conflict, "status");
        }

        var counts = await db.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentKey == key)
            .GroupBy(x => x.Variant)
            .Select(g => new { Variant = g.Key, Exposures = g.Count(), Conversions = g.Count(x => x.ConvertedAt != null) })
            .ToDictionaryAsync(c => c.Variant, c => (c.Exposures, c.Conversions), ct);
        return Results.Ok(ExperimentView.Of(experiment, counts));
    }
}
