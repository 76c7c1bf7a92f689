using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>GET /api/ops/growth/communities (the station's) and GET /api/merchant/communities (the shop's), with their offers, newest first.</summary>
internal static class ListCommunities
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(CommunityOwnership.OpsRoute, (GrowthDb db, TimeProvider clock, CancellationToken ct) => ListAsync(null, db, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<CommunityView>>();

        api.MapGet(CommunityOwnership.MerchantRoute, (ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                ListAsync(user.MerchantId()!.Value, db, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<List<CommunityView>>();
    }

    private static async Task<IResult> ListAsync(Guid? merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Communities.AsNoTracking();
        query = merchantId is { } shop ? query.Where(c => c.MerchantId == shop) : query.Where(c => c.MerchantId == null);
        var communities = (await query.ToListAsync(ct)).OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        return Results.Ok(await CommunityView.OfAsync(db, communities, clock.GetUtcNow(), ct));
    }
}
