using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>
/// The shop offers 晒图返现 for itself (POST /api/merchant/photo-cashback) or the operator for any shop (POST
/// /api/ops/growth/photo-cashback with merchantId). Fields are validated one by one (400); a window that overlaps
/// another campaign of the same shop is 409 naming startsAt, so a review is never covered twice.
/// </summary>
internal static class CreatePhotoCashback
{
    internal sealed record Request(Guid? MerchantId, long AmountFen, long MinOrderFen, int MinTextLength, int Budget, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AmountFen).InclusiveBetween(1, 5_000).WithMessage("返现金额为¥0.01到¥50 (the cashback is ¥0.01 to ¥50)");
            RuleFor(r => r.MinOrderFen).InclusiveBetween(0, 100_000).WithMessage("订单门槛为¥0到¥1000 (the minimum order is ¥0 to ¥1000)");
            RuleFor(r => r.MinTextLength).InclusiveBetween(0, 300).WithMessage("评价字数要求为0到300字 (the minimum text is 0 to 300 characters)");
            RuleFor(r => r.Budget).InclusiveBetween(1, 100_000).WithMessage("名额为1到100000 (the budget is 1 to 100,000 rewards)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/photo-cashback", (Request request, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                user.MerchantId() is { } merchantId ? CreateAsync(merchantId, "merchant", request, db, clock, ct) : Task.FromResult(Problems.NotFound("商家")))
            .RequireAuthorization(Roles.Merchant).Validate<Request>().WithTags("Growth")
            .Produces<PhotoCashbackView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/api/ops/growth/photo-cashback", (Request request, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                request.MerchantId is { } merchantId
                    ? CreateAsync(merchantId, "operator", request, db, clock, ct)
                    : Task.FromResult(Problems.Validation("merchantId", "请选择商家 (the shop is required)")))
            .RequireAuthorization(Roles.Operator).Validate<Request>().WithTags("Growth")
            .Produces<PhotoCashbackView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> CreateAsync(Guid merchantId, string offeredBy, Request request, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var (startsAt, endsAt) = (request.StartsAt.ToUniversalTime(), request.EndsAt.ToUniversalTime());
        if (await db.PhotoCashbackCampaigns.AnyAsync(c => c.MerchantId == merchantId && c.StartsAt < endsAt && startsAt < c.EndsAt, ct))
        {
            return Problems.Conflict("该时段已有晒图返现活动 (another 晒图返现 of this shop overlaps the window)", "startsAt");
        }

        var now = clock.GetUtcNow();
        var campaign = new PhotoCashbackCampaign
        {
            Id = Guid.CreateVersion7(now), MerchantId = merchantId, AmountFen = request.AmountFen, MinOrderFen = request.MinOrderFen,
            MinTextLength = request.MinTextLength, Budget = request.Budget, StartsAt = startsAt, EndsAt = endsAt, OfferedBy = offeredBy, CreatedAt = now,
        };
        db.PhotoCashbackCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Results.Json(PhotoCashbackView.Of(campaign, now, pending: 0), statusCode: StatusCodes.Status201Created);
    }
}
