using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>GET /api/merchant/presales (the merchant's own) and GET /api/ops/growth/presales (every merchant's), newest first.</summary>
internal static class ListPresales
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/merchant/presales", (ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var merchantId = user.MerchantId();
                return ListAsync(db.Presales.Where(p => p.MerchantId == merchantId), clock, ct);
            })
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<List<PresaleView>>();

        api.MapGet("/api/ops/growth/presales", (GrowthDb db, TimeProvider clock, CancellationToken ct) => ListAsync(db.Presales, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<PresaleView>>();
    }

    private static async Task<IResult> ListAsync(IQueryable<Presale> presales, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await presales.AsNoTracking().ToListAsync(ct);
        return Results.Ok(list.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(200).Select(p => PresaleView.Of(p, now)).ToList());
    }
}
