using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// POST /api/merchant/group-deals (the merchant's own dish) and POST /api/ops/growth/group-deals (any merchant's, named
/// by merchantId): a 拼团 deal. Fields are checked one by one (400); a dish that is not the merchant's is 404 naming
/// "itemId", a group price not below the list price 422 naming "groupPriceFen".
/// </summary>
internal static class CreateGroupDeal
{
    internal sealed record Request(
        Guid? MerchantId, Guid ItemId, long GroupPriceFen, int GroupSize, int WindowMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ItemId).NotEmpty().WithMessage("请选择菜品 (itemId is required)");
            RuleFor(r => r.GroupPriceFen).InclusiveBetween(1, 100_000).WithMessage("拼团价为¥0.01到¥1000 (the group price is ¥0.01 to ¥1000)");
            RuleFor(r => r.GroupSize).InclusiveBetween(GroupBuyRules.MinSize, GroupBuyRules.MaxSize)
                .WithMessage($"成团人数为{GroupBuyRules.MinSize}到{GroupBuyRules.MaxSize}人 (a group has {GroupBuyRules.MinSize} to {GroupBuyRules.MaxSize} people)");
            RuleFor(r => r.WindowMinutes).InclusiveBetween(GroupBuyRules.MinWindowMinutes, GroupBuyRules.MaxWindowMinutes)
                .WithMessage($"成团时限为{GroupBuyRules.MinWindowMinutes}到{GroupBuyRules.MaxWindowMinutes}分钟 (the window is {GroupBuyRules.MinWindowMinutes} to {GroupBuyRules.MaxWindowMinutes} minutes)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/group-deals", (Request request, ClaimsPrincipal user, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                CreateAsync(user.MerchantId()!.Value, request, db, catalog, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<GroupDealView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/api/ops/growth/group-deals", (Request request, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                request.MerchantId is { } merchantId && merchantId != Guid.Empty
                    ? CreateAsync(merchantId, request, db, catalog, clock, ct)
                    : Task.FromResult(Problems.Validation("merchantId", "请选择商家 (merchantId is required)")))
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<GroupDealView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> CreateAsync(Guid merchantId, Request request, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        var merchant = await catalog.GetMerchantForOrderingAsync(merchantId, ct);
        if (merchant is null)
        {
            return NotFound("商家", "merchantId");
        }

        var item = merchant.Items.SingleOrDefault(i => i.Id == request.ItemId);
        if (item is null)
        {
            return NotFound("菜品", "itemId");
        }

        if (request.GroupPriceFen >= item.PriceFen)
        {
            return Problems.Unprocessable($"拼团价须低于原价¥{Fen.ToYuan(item.PriceFen)} (the group price must be below the list price)", "groupPriceFen");
        }

        var now = clock.GetUtcNow();
        var deal = new GroupDeal
        {
            Id = Guid.CreateVersion7(now), MerchantId = merchantId, MerchantName = merchant.Name, ItemId = item.Id, ItemName = item.Name, ListPriceFen = item.PriceFen,
            GroupPriceFen = request.GroupPriceFen, GroupSize = request.GroupSize, WindowMinutes = request.WindowMinutes,
            StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(), CreatedAt = now,
        };
        db.GroupDeals.Add(deal);
        await db.SaveChangesAsync(ct);
        return Results.Json(GroupDealView.Of(deal, [], now), statusCode: StatusCodes.Status201Created);
    }

    internal static IResult NotFound(string what, string field) =>
        Problems.NotFoundAt(field, $"{what} 不存在 (not found)");
}
