using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Browse;

/// <summary>
/// 附近商家: a zone's shops, open ones first, filtered by shop or dish name and by the 筛选 panel's conditions (open now,
/// rating, minimum order, minutes), and sorted as the customer chose. Each card's
/// minutes are checkout's estimate for an order placed now (DeliveryEstimate: the kitchen's usual minutes at this hour
/// and the ride to the customer), so 配送速度最快 sorts by what the customer will be quoted.
/// </summary>
internal static class ListMerchants
{
    public static readonly string[] Sorts = ["smart", "distance", "sales", "rating", "minimum", "speed"];

    /// <remarks>Properties rather than a positional record: the request delegate generator cannot bind a constructor's nullable strings.</remarks>
    internal sealed record Query
    {
        public string? Q { get; init; }

        public string? Sort { get; init; }

        public double? Lat { get; init; }

        public double? Lon { get; init; }

        public bool? OpenNow { get; init; }

        public double? MinRating { get; init; }

        public long? MaxMinimumFen { get; init; }

        public int? MaxMinutes { get; init; }
    }

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Q).MaximumLength(50);
            RuleFor(x => x.Sort)
                .Must(s => s is null || Sorts.Contains(s, StringComparer.OrdinalIgnoreCase))
                .WithMessage($"排序方式无效 (sort must be one of {string.Join(", ", Sorts)})");
            RuleFor(x => x.Lat).InclusiveBetween(-90, 90);
            RuleFor(x => x.Lon).InclusiveBetween(-180, 180);
            RuleFor(x => x.MinRating).InclusiveBetween(0, 5);
            RuleFor(x => x.MaxMinimumFen).GreaterThanOrEqualTo(0);
            RuleFor(x => x.MaxMinutes).InclusiveBetween(1, 300);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/zones/{zoneId:guid}/merchants", Handle)
            .Validate<Query>()
            .WithTags("Catalog")
            .AllowAnonymous();

    private static async Task<IResult> Handle(
        Guid zoneId, [AsParameters] Query query, CatalogDb db, IPrepTimeEstimates prepTimes, TimeProvider clock, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct);
        if (zone is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var merchants = db.Merchants.AsNoTracking().Include(m => m.OpeningSlots).Where(m => m.ZoneId == zoneId);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            merchants = merchants.Where(m => m.Name.Contains(q) || db.Items.Any(i => i.MerchantId == m.Id && i.IsListed && i.Name.Contains(q)));
        }

        var from = query.Lat is { } lat && query.Lon is { } lon ? new GeoPoint(lat, lon) : zone.Center;
        var now = clock.GetUtcNow();
        var local = OpeningHours.LocalNow(clock);
        // One shop at a time: the prep times are cached per shop, and a cold cache must not open a connection per shop at once.
        var cards = new List<MerchantCard>();
        foreach (var m in await merchants.ToListAsync(ct))
        {
            var prep = await prepTimes.UsualAsync(m.Id, now, ct);
            cards.Add(m.ToCard(zone, m.Location.DistanceMetresTo(from) / 1000, local) with
            {
                DeliveryMinutes = DeliveryEstimate.Minutes(prep.Duration, m.Location, from),
            });
        }
        var wanted = cards.Where(c =>
            (query.OpenNow != true || c.IsOpenNow)
            && (query.MinRating is not { } rating || c.Rating >= rating)
            && (query.MaxMinimumFen is not { } minimum || c.MinimumOrderFen <= minimum)
            && (query.MaxMinutes is not { } minutes || c.DeliveryMinutes <= minutes));
        return TypedResults.Ok(Sort(wanted.ToList(), query.Sort?.ToLowerInvariant() ?? "smart").ToList());
    }

    private static IEnumerable<MerchantCard> Sort(List<MerchantCard> cards, string sort)
    {
        var openFirst = cards.OrderByDescending(c => c.IsOpenNow);
        var sorted = sort switch
        {
            "distance" => openFirst.ThenBy(c => c.DistanceKm),
            "sales" => openFirst.ThenByDescending(c => c.MonthlySales),
            "rating" => openFirst.ThenByDescending(c => c.Rating),
            "minimum" => openFirst.ThenBy(c => c.MinimumOrderFen),
            "speed" => openFirst.ThenBy(c => c.DeliveryMinutes).ThenBy(c => c.DistanceKm),

            // Smart: well-rated busy shops first, nearer ones ahead when otherwise alike.
            _ => openFirst.ThenByDescending(c => (c.Rating * Math.Log10(c.MonthlySales + 10)) - c.DistanceKm),
        };
        return sorted.ThenBy(c => c.Id);
    }
}
