using Kaifan.Growth.Presales;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth;

/// <summary>
/// GET /api/growth/shop-badges: for the one-character badges on the shop cards, every shop with a promotion a customer
/// can take part in right now — 拼团 (groupDeal), 砍价 (bargain), 预售接龙 with stock left (presale), 晒图返现 with rewards left
/// (photoCashback). Shops with none are not listed.
/// </summary>
internal static class ShopBadges
{
    internal sealed record ShopBadgesView(Guid MerchantId, IReadOnlyList<string> Kinds);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/shop-badges", HandleAsync)
            .AllowAnonymous()
            .WithTags("Growth")
            .Produces<List<ShopBadgesView>>();

    private static async Task<IResult> HandleAsync(GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        (string Kind, List<Guid> Shops)[] running =
        [
            ("groupDeal", await db.GroupDeals.AsNoTracking().Where(d => d.StoppedAt == null && d.StartsAt <= now && d.EndsAt > now)
                .Select(d => d.MerchantId).Distinct().ToListAsync(ct)),
            ("bargain", await db.BargainCampaigns.AsNoTracking().Where(c => c.StartsAt <= now && c.EndsAt > now)
                .Select(c => c.MerchantId).Distinct().ToListAsync(ct)),
            ("presale", await db.Presales.AsNoTracking().Where(p => p.Status == PresaleStatus.Open && p.CutoffAt > now && p.Taken < p.Stock)
                .Select(p => p.MerchantId).Distinct().ToListAsync(ct)),
            ("photoCashback", await db.PhotoCashbackCampaigns.AsNoTracking().Where(c => c.StartsAt <= now && c.EndsAt > now && c.Paid < c.Budget)
                .Select(c => c.MerchantId).Distinct().ToListAsync(ct)),
        ];
        return Results.Ok(running
            .SelectMany(r => r.Shops.Select(shop => (Shop: shop, r.Kind)))
            .GroupBy(r => r.Shop, r => r.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new ShopBadgesView(g.Key, g.ToList()))
            .ToList());
    }
}
