using System.Security.Claims;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>A running 社群价 on the shop page: members see it applied (IsMember), everyone else the 加入社群享 hint with its code.</summary>
internal sealed record ShopCommunityPriceView(
    Guid Id, Guid ItemId, string ItemName, long ListPriceFen, long MemberPriceFen, int LimitPerOrder, Guid CommunityId, string CommunityName,
    string CommunityCode, bool IsMember);

/// <summary>GET /api/merchants/{merchantId}/community-prices: the shop's running 社群价, lowest per dish, for anyone browsing.</summary>
internal static class ShopCommunityPrices
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchants/{merchantId:guid}/community-prices", HandleAsync)
            .AllowAnonymous()
            .WithTags("Growth")
            .Produces<List<ShopCommunityPriceView>>();

    private static async Task<IResult> HandleAsync(Guid merchantId, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = Guid.TryParse(user.FindFirstValue(KaifanClaims.UserId), out var id) ? id : Guid.Empty;
        var offers = await (
                from price in db.CommunityPrices.AsNoTracking()
                join community in db.Communities.AsNoTracking() on price.CommunityId equals community.Id
                where price.MerchantId == merchantId && community.ClosedAt == null
                select new { price, community.Name, community.Code })
            .ToListAsync(ct);
        var running = offers.Where(o => o.price.IsRunningAt(now)).ToList();
        var communityIds = running.Select(o => o.price.CommunityId).Distinct().ToList();
        var mine = (await db.CommunityMembers.AsNoTracking().Where(m => m.CustomerId == me && communityIds.Contains(m.CommunityId))
            .Select(m => m.CommunityId).ToListAsync(ct)).ToHashSet();

        // Per dish: the member's best price when they have one, else the best price to join for.
        return Results.Ok(running
            .GroupBy(o => o.price.ItemId)
            .Select(g => g.OrderByDescending(o => mine.Contains(o.price.CommunityId)).ThenBy(o => o.price.MemberPriceFen).ThenBy(o => o.price.Id).First())
            .Select(o => new ShopCommunityPriceView(
                o.price.Id, o.price.ItemId, o.price.ItemName, o.price.ListPriceFen, o.price.MemberPriceFen, o.price.LimitPerOrder, o.price.CommunityId, o.Name,
                o.Code, mine.Contains(o.price.CommunityId)))
            .OrderBy(v => v.ItemName).ToList());
    }
}
