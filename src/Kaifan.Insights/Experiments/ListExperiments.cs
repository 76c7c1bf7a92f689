using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

/// <summary>GET /api/ops/experiments: every experiment, newest first, with exposures, conversions and the test against the control.</summary>
internal static class ListExperiments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/experiments", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Insights")
            .Produces<List<ExperimentView>>();

    private static async Task<IResult> HandleAsync(InsightsDb db, CancellationToken ct)
    {
        var experiments = await db.Experiments.AsNoTracking().Include(e => e.Variants).ToListAsync(ct);
        var counts = await db.ExperimentExposures.AsNoTracking()
            .GroupBy(x => new { x.ExperimentKey, x.Variant })
            .Select(g => new { g.Key.ExperimentKey, g.Key.Variant, Exposures = g.Count(), Conversions = g.Count(x => x.ConvertedAt != null) })
            .ToListAsync(ct);
        var byExperiment = counts.ToLookup(c => c.ExperimentKey);
        return Results.Ok(experiments
            .OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Key)
            .Select(e => ExperimentView.Of(e, byExperiment[e.Key].ToDictionary(c => c.Variant, c => (c.Exposures, c.Conversions))))
            .ToList());
    }
}
