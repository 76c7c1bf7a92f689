using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Recommendations;

/// <summary>
/// GET /api/recommendations/shops?zoneId=&amp;limit=: 猜你喜欢 for the signed-in customer, open shops only. Their own order
/// history counts only with their 个性化推荐 consent; without it (Personalised false) the shelf is popularity and
/// exploration alone, the same for everyone.
/// </summary>
internal static class RecommendShops
{
    internal sealed record Query(Guid ZoneId, int? Limit);

    internal sealed record Item(Guid MerchantId, string Name, string LogoEmoji, double Rating, int MonthlySales, string Reason);

    internal sealed record Response(bool Personalised, IReadOnlyList<Item> Shops);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.ZoneId).NotEmpty().WithMessage("请指定配送区域 (zoneId is required)");
            RuleFor(q => q.Limit).InclusiveBetween(1, 20).WithMessage("推荐数量为1到20 (limit is 1 to 20)");
        }
    }

    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(180);
    private static readonly TimeSpan PopularityWindow = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShelfWindow = TimeSpan.FromDays(90);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/recommendations/shops", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Query>()
            .WithTags("Insights")
            .Produces<Response>();

    private static async Task<IResult> HandleAsync(
        [AsParameters] Query query, ClaimsPrincipal user, InsightsDb db, [FromServices] IShopDirectory directory, [FromServices] IConsents consents,
        RecommendationRandom random, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var personalised = await consents.HasConsentAsync(customerId, ConsentPurposes.Personalisation, ct);
        var shops = (await directory.ListZoneShopsAsync(query.ZoneId, ct)).Where(s => s.IsOpenNow).ToList();
        var ids = shops.Select(s => s.Id).ToList();

        var affinity = new Dictionary<Guid, double>() as IReadOnlyDictionary<Guid, double>;
        if (personalised)
        {
            var since = now - HistoryWindow;
            var mine = await db.ShopOrders.AsNoTracking().Where(o => o.CustomerId == customerId && o.PlacedAt >= since)
                .Select(o => new { o.MerchantId, o.PlacedAt }).ToListAsync(ct);
            affinity = ShopRanker.Affinity(mine.Select(o => (o.MerchantId, o.PlacedAt)), now);
        }

        var popularSince = now - PopularityWindow;
        var recentOrders = await db.ShopOrders.AsNoTracking().Where(o => o.PlacedAt >= popularSince && ids.Contains(o.MerchantId))
            .GroupBy(o => o.MerchantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var shelfSince = now - ShelfWindow;
        var shelf = await db.ShopImpressions.AsNoTracking().Where(i => i.ShownAt >= shelfSince && ids.Contains(i.MerchantId))
            .GroupBy(i => i.MerchantId).Select(g => new { g.Key, Impressions = g.Count(), Conversions = g.Count(i => i.ConvertedOrderId != null) })
            .ToDictionaryAsync(g => g.Key, g => new ShelfRecord(g.Impressions, g.Conversions), ct);

        var ranked = random.Use(r => ShopRanker.Rank(shops, affinity, recentOrders, shelf, r, query.Limit ?? 6));
        return Results.Ok(new Response(
            personalised,
            ranked.Select(s => new Item(s.Shop.Id, s.Shop.Name, s.Shop.LogoEmoji, s.Shop.Rating, s.Shop.MonthlySales, s.Reason)).ToList()));
    }
}
