using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// GET /api/presales?zoneId=…[&amp;zoneId=…]&amp;limit=n: the chains still taking entries from shops in the given zones
/// (the customer's, or the campus's for one without an address), soonest cut-off first, at most limit (default 5,
/// up to 20). The home page asks on every visit, so it is one indexed query (zone, status, cut-off) with a LIMIT and no
/// call to another module: the zone is the one the shop had when the chain was created.
/// </summary>
internal static class OpenPresales
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
    public const int MaxZones = 20;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/presales", HandleAsync)
            .AllowAnonymous()
            .WithTags("Growth")
            .Produces<List<PresaleView>>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(Guid[]? zoneId, int? limit, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var zones = (zoneId ?? []).Distinct().ToList();
        if (zones.Count is 0 or > MaxZones)
        {
            return Problems.Validation("zoneId", $"请指定1到{MaxZones}个配送区域 (name 1 to {MaxZones} zones)");
        }

        if (ListLimit.Refusal(limit, MaxLimit) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var open = await db.Presales.AsNoTracking()
            .Where(p => zones.Contains(p.ZoneId) && p.Status == PresaleStatus.Open && p.CutoffAt > now && p.Taken < p.Stock)
            .OrderBy(p => p.CutoffAt).ThenBy(p => p.Id)
            .Take(limit ?? DefaultLimit)
            .ToListAsync(ct);
        return Results.Ok(open.Select(p => PresaleView.Of(p, now)).ToList());
    }
}
