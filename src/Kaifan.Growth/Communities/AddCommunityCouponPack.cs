using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Growth.Communities;

/// <summary>POST .../communities/{id}/coupon-packs: a 社群券 its members may claim once each, Budget claims in all. A closed community is 409.</summary>
internal static class AddCommunityCouponPack
{
    internal sealed record Request(long AmountFen, long MinSpendFen, int Budget, int CouponDays, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AmountFen).InclusiveBetween(1, 10_000).WithMessage("券面额为¥0.01到¥100 (the amount is ¥0.01 to ¥100)");
            RuleFor(r => r.MinSpendFen).InclusiveBetween(0, 100_000).WithMessage("使用门槛为¥0到¥1000 (the minimum spend is ¥0 to ¥1000)");
            RuleFor(r => r.Budget).InclusiveBetween(1, 1_000_000).WithMessage("份数为1到1000000 (the budget is 1 to 1,000,000 claims)");
            RuleFor(r => r.CouponDays).InclusiveBetween(1, 90).WithMessage("券有效期为1到90天 (the coupon lasts 1 to 90 days)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(CommunityOwnership.OpsRoute + "/{id:guid}/coupon-packs", (Guid id, Request request, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                AddAsync(id, null, request, db, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CouponPackView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(CommunityOwnership.MerchantRoute + "/{id:guid}/coupon-packs", (Guid id, Request request, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                AddAsync(id, user.MerchantId()!.Value, request, db, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CouponPackView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AddAsync(Guid id, Guid? merchantId, Request request, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var community = await CommunityOwnership.FindManagedAsync(db, id, merchantId, ct);
        if (community is null)
        {
            return Problems.NotFound("社群");
        }

        if (!community.IsOpen)
        {
            return Problems.Conflict("该社群已关闭 (the community is closed)", "status");
        }

        var now = clock.GetUtcNow();
        var pack = new CommunityCouponPack
        {
            Id = Guid.CreateVersion7(now), CommunityId = id, AmountFen = request.AmountFen, MinSpendFen = request.MinSpendFen, Budget = request.Budget,
            CouponDays = request.CouponDays, StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(), CreatedAt = now,
        };
        db.CommunityCouponPacks.Add(pack);
        await db.SaveChangesAsync(ct);
        return Results.Json(CouponPackView.Of(pack, now), statusCode: StatusCodes.Status201Created);
    }
}
