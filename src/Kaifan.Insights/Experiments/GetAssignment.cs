using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// GET /api/experiments/{key}/assignment: the signed-in customer's variant. While the experiment runs, the first call
/// logs their exposure (once, however many calls race: a unique index decides); before it starts and after it stops
/// everyone gets the control and nothing is logged.
/// </summary>
internal static class GetAssignment
{
    internal sealed record Response(string Key, string Variant, bool Running);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/experiments/{key}/assignment", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Insights")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string key, ClaimsPrincipal user, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Key == key, ct);
        if (experiment is null)
        {
            return Problems.NotFound("实验 (experiment)");
        }

        var variants = experiment.Variants.OrderBy(v => v.Sort).Select(v => (v.Name, v.Weight)).ToList();
        if (!experiment.IsRunning)
        {
            return Results.Ok(new Response(key, variants[0].Name, Running: false));
        }

        var customerId = user.UserId();
        var variant = VariantAssignment.Of(key, customerId, variants);
        if (!await db.ExperimentExposures.AnyAsync(x => x.ExperimentKey == key && x.CustomerId == customerId, ct))
        {
            var now = clock.GetUtcNow();
            db.ExperimentExposures.Add(new ExperimentExposure
            {
                Id = Guid.CreateVersion7(now), ExperimentKey = key, CustomerId = customerId, Variant = variant, ExposedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // A parallel call logged this customer's exposure first.
            }
        }

        return Results.Ok(new Response(key, variant, Running: true));
    }
}
