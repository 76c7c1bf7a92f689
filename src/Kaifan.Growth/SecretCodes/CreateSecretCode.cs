using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.SecretCodes;

/// <summary>
/// POST /api/ops/growth/secret-codes: the operator starts a 口令红包. A code already in use (in any width or case) is
/// 409 naming "code"; the rest is validated field by field (400).
/// </summary>
internal static class CreateSecretCode
{
    internal sealed record Request(string Code, long AmountFen, long MinSpendFen, int Budget, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().WithMessage("请输入口令 (the code is required)")
                .Must(c => c is null || SecretCode.KeyOf(c).Length is >= SecretCodeRules.MinLength and <= SecretCodeRules.MaxLength)
                .WithMessage($"口令为{SecretCodeRules.MinLength}到{SecretCodeRules.MaxLength}个字 (the code has {SecretCodeRules.MinLength} to {SecretCodeRules.MaxLength} characters)")
                .Must(c => c is null || !SecretCode.KeyOf(c).Any(char.IsWhiteSpace)).WithMessage("口令中不能有空格 (the code has no spaces)");
            RuleFor(r => r.AmountFen).InclusiveBetween(1, 10_000).WithMessage("红包金额为¥0.01到¥100 (the amount is ¥0.01 to ¥100)");
            RuleFor(r => r.MinSpendFen).InclusiveBetween(0, 100_000).WithMessage("使用门槛为¥0到¥1000 (the minimum spend is ¥0 to ¥1000)");
            RuleFor(r => r.Budget).InclusiveBetween(1, 1_000_000).WithMessage("份数为1到1000000 (the budget is 1 to 1,000,000 claims)");
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
            RuleFor(r => r.CouponDays).InclusiveBetween(1, 90).WithMessage("券有效期为1到90天 (the coupon lasts 1 to 90 days)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/growth/secret-codes", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<SecretCodeView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Request request, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var key = SecretCode.KeyOf(request.Code);
        if (await db.SecretCodes.AnyAsync(c => c.Key == key, ct))
        {
            return InUse();
        }

        var now = clock.GetUtcNow();
        var code = new SecretCode
        {
            Id = Guid.CreateVersion7(now), Code = request.Code.Trim(), Key = key, AmountFen = request.AmountFen, MinSpendFen = request.MinSpendFen,
            Budget = request.Budget, StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(),
            CouponDays = request.CouponDays, CreatedAt = now,
        };
        db.SecretCodes.Add(code);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return InUse();
        }

        return Results.Json(SecretCodeView.Of(code, now), statusCode: StatusCodes.Status201Created);
    }

    private static IResult InUse() => Problems.Conflict("该口令已被使用，请换一个 (the code is taken)", SecretCodeRules.Field);
}
