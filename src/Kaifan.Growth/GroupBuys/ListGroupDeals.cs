using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// GET /api/merchant/group-deals (the merchant's own) and GET /api/ops/growth/group-deals (every merchant's): deals,
/// newest first, each with its groups open, formed and failed.
/// </summary>
internal static class ListGroupDeals
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/merchant/group-deals", (ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var merchantId = user.MerchantId();
                return ListAsync(db.GroupDeals.Where(d => d.MerchantId == merchantId), db, clock, ct);
            })
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<List<GroupDealView>>();

        api.MapGet("/api/ops/growth/group-deals", (GrowthDb db, TimeProvider clock, CancellationToken ct) => ListAsync(db.GroupDeals, db, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<GroupDealView>>();
    }

    private static async Task<IResult> ListAsync(IQueryable<GroupDeal> deals, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await deals.AsNoTracking().ToListAsync(ct);
        var ids = list.Select(d => d.Id).ToList();
        var groups = (await db.Groups.AsNoTracking().Where(g => ids.Contains(g.DealId)).Select(g => new { g.DealId, g.Status }).ToListAsync(ct))
            .ToLookup(g => g.DealId, g => g.Status);
        return Results.Ok(list.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => GroupDealView.Of(d, groups[d.Id].ToList(), now)).ToList());
    }
}

/// <summary>
/// POST /api/merchant/group-deals/{id}/stop and POST /api/ops/growth/group-deals/{id}/stop: no new group opens; groups
/// already open keep their price and window. Another merchant's deal is 404.
/// </summary>
internal static class StopGroupDeal
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/group-deals/{id:guid}/stop", (Guid id, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var merchantId = user.MerchantId();
                return StopAsync(db.GroupDeals.Where(d => d.Id == id && d.MerchantId == merchantId), db, clock, ct);
            })
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<GroupDealView>();

        api.MapPost("/api/ops/growth/group-deals/{id:guid}/stop", (Guid id, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                StopAsync(db.GroupDeals.Where(d => d.Id == id), db, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<GroupDealView>();
    }

    private static async Task<IResult> StopAsync(IQueryable<GroupDeal> query, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var deal = await query.SingleOrDefaultAsync(ct);
        if (deal is null)
        {
            return Problems.NotFound("拼团活动");
        }

        var now = clock.GetUtcNow();
        deal.Stop(now);
        await db.SaveChangesAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.DealId == deal.Id).Select(g => g.Status).ToListAsync(ct);
        return Results.Ok(GroupDealView.Of(deal, groups, now));
    }
}
