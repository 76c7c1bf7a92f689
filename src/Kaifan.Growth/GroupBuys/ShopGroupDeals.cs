using System.Security.Claims;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>An open group a shopper may join: 差N人成团 until ExpiresAt. Only groups with a paid 团长 are offered.</summary>
internal sealed record OpenGroupView(Guid Id, int Size, int Taken, int Missing, DateTimeOffset ExpiresAt);

/// <summary>A running deal on the shop page: the group price beside the list price and the groups waiting for people.</summary>
internal sealed record ShopGroupDealView(
    Guid Id, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen, int GroupSize, int WindowMinutes, IReadOnlyList<OpenGroupView> OpenGroups);

/// <summary>GET /api/merchants/{merchantId}/group-deals: the shop's running 拼团 deals, for anyone browsing it.</summary>
internal static class ShopGroupDeals
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchants/{merchantId:guid}/group-deals", HandleAsync)
            .AllowAnonymous()
            .WithTags("Growth")
            .Produces<List<ShopGroupDealView>>();

    private static async Task<IResult> HandleAsync(Guid merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deals = (await db.GroupDeals.AsNoTracking().Where(d => d.MerchantId == merchantId && d.StoppedAt == null).ToListAsync(ct))
            .Where(d => d.IsOpenableAt(now)).OrderBy(d => d.CreatedAt).ToList();
        var ids = deals.Select(d => d.Id).ToList();
        var open = (await db.Groups.AsNoTracking()
                .Where(g => ids.Contains(g.DealId) && g.Status == GroupStatus.Open && g.Paid > 0 && g.Taken < g.Size && g.ExpiresAt > now)
                .ToListAsync(ct))
            .ToLookup(g => g.DealId);
        return Results.Ok(deals.Select(d => new ShopGroupDealView(
            d.Id, d.ItemId, d.ItemName, d.ListPriceFen, d.GroupPriceFen, d.GroupSize, d.WindowMinutes,
            open[d.Id].OrderBy(g => g.ExpiresAt).Take(5).Select(g => new OpenGroupView(g.Id, g.Size, g.Taken, g.Size - g.Taken, g.ExpiresAt)).ToList())).ToList());
    }
}
