using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Onboarding;

/// <summary>
/// POST /api/ops/merchants: the operator signs up a shop at a place inside a zone, with a first dish so it can take
/// orders. It opens round the clock (each day's slot runs 00:00 to the next 00:00) until its staff set their hours in
/// the merchant console.
/// </summary>
internal static class OnboardMerchant
{
    internal sealed record DishInput(string Name, long PriceFen);

    internal sealed record Request(Guid ZoneId, string Name, double Latitude, double Longitude, DishInput? Dish);

    internal sealed record Response(Guid Id, Guid ZoneId, string Name, Guid ItemId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ZoneId).NotEmpty().WithMessage("请选择区域 (zoneId is required)");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(40);
            RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度无效 (latitude must be -90..90)");
            RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage("经度无效 (longitude must be -180..180)");
            RuleFor(r => r.Dish).NotNull().WithMessage("请添加一道菜 (dish is required)");
            RuleFor(r => r.Dish!.Name).NotEmpty().MaximumLength(40).When(r => r.Dish is not null);
            RuleFor(r => r.Dish!.PriceFen).InclusiveBetween(1, 100_000_00).When(r => r.Dish is not null)
                .WithMessage("价格须在0.01到10万元之间 (dish.priceFen must be 1..10000000)");
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/merchants", Handle).Validate<Request>().RequireAuthorization(Roles.Operator)
            .WithTags("Ops onboarding").Produces<Response>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> Handle(Request request, CatalogDb db, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == request.ZoneId, ct);
        if (zone is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var distanceKm = zone.Center.DistanceMetresTo(new GeoPoint(request.Latitude, request.Longitude)) / 1000;
        if (distanceKm > zone.MaxDistanceKm)
        {
            return Problems.Validation("latitude", $"店铺不在该区域内，距中心{distanceKm:0.0}km (the shop lies outside the zone)");
        }

        var merchantId = Guid.CreateVersion7();
        var categoryId = Guid.CreateVersion7();
        var itemId = Guid.CreateVersion7();
        db.Merchants.Add(new Merchant
        {
            Id = merchantId,
            ZoneId = zone.Id,
            Name = request.Name.Trim(),
            Lat = request.Latitude,
            Lon = request.Longitude,
            LogoEmoji = "🍱",
            OpeningSlots = Enum.GetValues<DayOfWeek>()
                .Select(day => new OpeningSlot { Id = Guid.CreateVersion7(), MerchantId = merchantId, Day = day, Open = TimeOnly.MinValue, Close = TimeOnly.MinValue })
                .ToList(),
        });
        db.Categories.Add(new Category { Id = categoryId, MerchantId = merchantId, Name = "招牌" });
        db.Items.Add(new Item { Id = itemId, MerchantId = merchantId, CategoryId = categoryId, Name = request.Dish!.Name.Trim(), PriceFen = request.Dish.PriceFen });
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/merchants/{merchantId}/menu", new Response(merchantId, zone.Id, request.Name.Trim(), itemId));
    }
}
