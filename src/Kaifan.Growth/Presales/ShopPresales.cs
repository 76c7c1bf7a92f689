using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>GET /api/merchants/{merchantId}/presales: the shop's chains still taking entries, for anyone browsing it.</summary>
internal static class ShopPresales
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchants/{merchantId:guid}/presales", HandleAsync)
            .AllowAnonymous()
            .WithTags("Growth")
            .Produces<List<PresaleView>>();

    private static async Task<IResult> HandleAsync(Guid merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await db.Presales.AsNoTracking().Where(p => p.MerchantId == merchantId && p.Status == PresaleStatus.Open).ToListAsync(ct);
        return Results.Ok(live.Where(p => p.IsJoinableAt(now)).OrderBy(p => p.DeliverAt).ThenBy(p => p.Id).Select(p => PresaleView.Of(p, now)).ToList());
    }
}
