using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// POST /api/ops/growth/bargain-campaigns: the operator puts one shop's dish up for 砍价. The original price and the
/// names come from Catalog; a shop or dish that does not exist is 422 naming "merchantId" or "dishId", a floor not below
/// the price (or too close to it for every helper to cut a fen) 422 naming "floorPriceFen"; the rest is 400 by field.
/// </summary>
internal static class CreateBargainCampaign
{
    internal sealed record TierRequest(int CutPercent, long AmountFen, long MinSpendFen);

    internal sealed record Request(
        Guid MerchantId, Guid DishId, long FloorPriceFen, int HelpersNeeded, int HoursToBargain, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        int CouponDays, IReadOnlyList<TierRequest>? Tiers);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MerchantId).NotEmpty().WithMessage("请选择商家 (the shop is required)");
            RuleFor(r => r.DishId).NotEmpty().WithMessage("请选择菜品 (the dish is required)");
            RuleFor(r => r.FloorPriceFen).GreaterThanOrEqualTo(0).WithMessage("底价不能为负 (the floor price is ¥0 or more)");
            RuleFor(r => r.HelpersNeeded).InclusiveBetween(3, 30).WithMessage("需要3到30位好友帮砍 (3 to 30 helpers)");
            RuleFor(r => r.HoursToBargain).InclusiveBetween(1, 72).WithMessage("砍价时长为1到72小时 (a bargain runs 1 to 72 hours)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
            RuleFor(r => r.CouponDays).InclusiveBetween(1, 90).WithMessage("券有效期为1到90天 (the coupon lasts 1 to 90 days)");
            RuleFor(r => r.Tiers).Must(t => t is null || t.Count <= 5).WithMessage("最多5档奖励 (at most 5 tiers)")
                .Must(t => t is null || t.Select(x => x.CutPercent).Distinct().Count() == t.Count).WithMessage("每档的砍价比例须不同 (each tier has its own percentage)");
            RuleForEach(r => r.Tiers).ChildRules(tier =>
            {
                tier.RuleFor(t => t.CutPercent).InclusiveBetween(1, 99).WithMessage("档位为砍掉1%到99% (a tier is at 1% to 99% cut; the floor has its own reward)");
                tier.RuleFor(t => t.AmountFen).InclusiveBetween(1, 10_000).WithMessage("奖励券为¥0.01到¥100 (a tier's coupon is ¥0.01 to ¥100)");
                tier.RuleFor(t => t.MinSpendFen).InclusiveBetween(0, 100_000).WithMessage("使用门槛为¥0到¥1000 (the minimum spend is ¥0 to ¥1000)");
            });
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/growth/bargain-campaigns", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<BargainCampaignView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Request request, GrowthDb db, [FromServices] ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        var merchant = await catalog.GetMerchantForOrderingAsync(request.MerchantId, ct);
        if (merchant is null)
        {
            return Problems.Unprocessable("没有这个商家 (no such shop)", "merchantId");
        }

        var dish = merchant.Items.FirstOrDefault(i => i.Id == request.DishId);
        if (dish is null)
        {
            return Problems.Unprocessable("该商家没有这道菜 (the shop has no such dish)", "dishId");
        }

        if (dish.PriceFen - request.FloorPriceFen < request.HelpersNeeded)
        {
            return Problems.Unprocessable(
                $"底价须低于原价{Fen.ToYuan(dish.PriceFen)}元，且每位好友至少能砍1分 (the floor is below the dish's price by at least a fen per helper)", "floorPriceFen");
        }

        var now = clock.GetUtcNow();
        var campaign = new BargainCampaign
        {
            Id = Guid.CreateVersion7(now), MerchantId = merchant.Id, MerchantName = merchant.Name, DishId = dish.Id, DishName = dish.Name,
            OriginalPriceFen = dish.PriceFen, FloorPriceFen = request.FloorPriceFen, HelpersNeeded = request.HelpersNeeded,
            HoursToBargain = request.HoursToBargain, StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(),
            CouponDays = request.CouponDays, CreatedAt = now,
            Tiers = (request.Tiers ?? []).OrderBy(t => t.CutPercent)
                .Select(t => new BargainTier { CutPercent = t.CutPercent, AmountFen = t.AmountFen, MinSpendFen = t.MinSpendFen }).ToList(),
        };
        db.BargainCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Results.Json(BargainCampaignView.Of(campaign, BargainCampaignStats.None, now), statusCode: StatusCodes.Status201Created);
    }
}
