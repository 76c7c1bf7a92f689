using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Growth.Communities;

/// <summary>
/// POST .../communities/{id}/prices: a 社群价 for one dish. The station's community may price any shop's dish (merchantId
/// names it); a shop's community only the shop's own. A dish not on that menu is 404 naming "itemId"; a member price not
/// below the list price 422 naming "memberPriceFen"; a closed community 409 naming "status".
/// </summary>
internal static class AddCommunityPrice
{
    internal sealed record Request(Guid? MerchantId, Guid ItemId, long MemberPriceFen, int LimitPerOrder, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ItemId).NotEmpty().WithMessage("请选择菜品 (itemId is required)");
            RuleFor(r => r.MemberPriceFen).InclusiveBetween(1, 100_000).WithMessage("社群价为¥0.01到¥1000 (the member price is ¥0.01 to ¥1000)");
            RuleFor(r => r.LimitPerOrder).InclusiveBetween(1, 99).WithMessage("每单限购1到99份 (the limit is 1 to 99 portions an order)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(CommunityOwnership.OpsRoute + "/{id:guid}/prices", (Guid id, Request request, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                AddAsync(id, null, request, db, catalog, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CommunityPriceView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost(CommunityOwnership.MerchantRoute + "/{id:guid}/prices", (Guid id, Request request, ClaimsPrincipal user, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                AddAsync(id, user.MerchantId()!.Value, request, db, catalog, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CommunityPriceView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> AddAsync(
        Guid id, Guid? ownMerchantId, Request request, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        var community = await CommunityOwnership.FindManagedAsync(db, id, ownMerchantId, ct);
        if (community is null)
        {
            return Problems.NotFound("社群");
        }

        if (!community.IsOpen)
        {
            return Problems.Conflict("该社群已关闭 (the community is closed)", "status");
        }

        var merchantId = ownMerchantId ?? request.MerchantId;
        if (merchantId is null || merchantId == Guid.Empty)
        {
            return Problems.Validation("merchantId", "请选择商家 (merchantId is required)");
        }

        var merchant = await catalog.GetMerchantForOrderingAsync(merchantId.Value, ct);
        if (merchant is null)
        {
            return CreateCommunity.NotFoundField("商家", "merchantId");
        }

        var item = merchant.Items.SingleOrDefault(i => i.Id == request.ItemId);
        if (item is null)
        {
            return CreateCommunity.NotFoundField("菜品", "itemId");
        }

        if (request.MemberPriceFen >= item.PriceFen)
        {
            return Problems.Unprocessable($"社群价须低于原价¥{Fen.ToYuan(item.PriceFen)} (the member price must be below the list price)", "memberPriceFen");
        }

        var now = clock.GetUtcNow();
        var price = new CommunityPrice
        {
            Id = Guid.CreateVersion7(now), CommunityId = id, MerchantId = merchant.Id, MerchantName = merchant.Name, ItemId = item.Id, ItemName = item.Name,
            ListPriceFen = item.PriceFen, MemberPriceFen = request.MemberPriceFen, LimitPerOrder = request.LimitPerOrder,
            StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(), CreatedAt = now,
        };
        db.CommunityPrices.Add(price);
        await db.SaveChangesAsync(ct);
        return Results.Json(CommunityPriceView.Of(price, now), statusCode: StatusCodes.Status201Created);
    }
}
