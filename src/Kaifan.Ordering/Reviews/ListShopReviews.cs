using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

/// <summary>A tag and how many reviews chose it.</summary>
internal sealed record TagCount(string Tag, bool Praise, int Count);

/// <summary>
/// The merchant page's 评价 tab: the means of each kind of star (one decimal; null with no review yet), how many reviews
/// gave 5, 4 … 1 stars overall, every tag chosen with its count, how many reviews have photos (有图), and the newest
/// reviews (only those with photos when the 有图 filter, the photo wall, is on).
/// </summary>
internal sealed record ShopReviewsView(
    int Count, double? Overall, double? Taste, double? Packaging, double? Delivery, IReadOnlyList<int> StarCounts, IReadOnlyList<TagCount> Tags,
    IReadOnlyList<ReviewView> Newest, int WithPhotos);

/// <summary>
/// GET /api/merchants/{merchantId}/reviews[?withPhotos=true]: public like the menu; names are masked or 匿名用户 already.
/// </summary>
internal static class ListShopReviews
{
    public const int NewestShown = 20;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchants/{merchantId:guid}/reviews", HandleAsync)
            .AllowAnonymous()
            .WithTags("Reviews")
            .Produces<ShopReviewsView>();

    private static async Task<IResult> HandleAsync(Guid merchantId, bool? withPhotos, OrderingDb db, CancellationToken ct)
    {
        var stars = await db.Reviews.AsNoTracking()
            .Where(r => r.MerchantId == merchantId)
            .Select(r => new { r.Overall, r.Taste, r.Packaging, r.Delivery, r.Tags, r.HasPhotos })
            .ToListAsync(ct);
        var onlyPhotos = withPhotos == true;
        var newest = await db.Reviews.AsNoTracking()
            .Where(r => r.MerchantId == merchantId && (!onlyPhotos || r.HasPhotos))
            .OrderByDescending(r => r.CreatedAt)
            .Take(NewestShown)
            .ToListAsync(ct);

        double? Mean(IEnumerable<int> values) => stars.Count == 0 ? null : Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero);
        var tags = stars.SelectMany(s => s.Tags)
            .GroupBy(t => t)
            .Select(g => new TagCount(g.Key, ReviewTags.Praise.Contains(g.Key), g.Count()))
            .OrderByDescending(t => t.Praise)
            .ThenByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        return Results.Ok(new ShopReviewsView(
            stars.Count,
            Mean(stars.Select(s => s.Overall)),
            Mean(stars.Select(s => s.Taste)),
            Mean(stars.Select(s => s.Packaging)),
            Mean(stars.Select(s => s.Delivery)),
            [.. Enumerable.Range(1, 5).Reverse().Select(n => stars.Count(s => s.Overall == n))],
            tags,
            [.. newest.Select(ReviewView.Of)],
            stars.Count(s => s.HasPhotos)));
    }
}
