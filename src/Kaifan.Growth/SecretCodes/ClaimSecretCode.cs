using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.SecretCodes;

/// <summary>
/// POST /api/growth/secret-codes/claim: a customer types a 口令 and gets its coupon. Every refusal names "code": a word
/// that is no code (404), one not started or over (422), one this customer already claimed or whose budget is spent
/// (409). The claim, the budget step and the coupon grant commit together, so a coupon is never granted without its
/// claim counted, nor counted without being granted.
/// </summary>
internal static class ClaimSecretCode
{
    internal sealed record Request(string Code);

    internal sealed record Response(Guid CouponId, string Code, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset ExpiresAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("请输入口令 (the code is required)")
            .MaximumLength(SecretCodeRules.MaxLength * 2).WithMessage("口令不正确 (no such code)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/secret-codes/claim", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var key = SecretCode.KeyOf(request.Code);
        var code = await db.SecretCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, ct);
        if (code is null)
        {
            return Problems.NotFoundAt(SecretCodeRules.Field, "口令不正确 (no such code)");
        }

        if (now < code.StartsAt)
        {
            return Problems.Unprocessable($"口令红包{code.StartsAt.ToOffset(ChinaTime.Offset):M月d日 HH:mm}开抢 (the code opens later)", SecretCodeRules.Field);
        }

        if (now >= code.EndsAt)
        {
            return Problems.Unprocessable("口令红包活动已结束 (the code has ended)", SecretCodeRules.Field);
        }

        if (await db.SecretCodeClaims.AnyAsync(c => c.SecretCodeId == code.Id && c.CustomerId == customerId, ct))
        {
            return AlreadyClaimed();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.SecretCodes
            .Where(c => c.Id == code.Id && c.Claimed < c.Budget)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Claimed, c => c.Claimed + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Conflict("来晚了，口令红包已被抢光 (every coupon of this code is claimed)", SecretCodeRules.Field);
        }

        var couponId = Guid.CreateVersion7(now);
        var expiresAt = now.AddDays(code.CouponDays);
        db.SecretCodeClaims.Add(new SecretCodeClaim { Id = couponId, SecretCodeId = code.Id, CustomerId = customerId, ClaimedAt = now });
        await outbox.PublishAsync(new CouponGranted(couponId, customerId, code.AmountFen, code.MinSpendFen, code.Reason, now, expiresAt));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same customer's parallel claim won; this one's budget step rolls back with it.
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyClaimed();
        }

        return Results.Json(new Response(couponId, code.Code, code.AmountFen, code.MinSpendFen, code.Reason, expiresAt), statusCode: StatusCodes.Status201Created);
    }

    private static IResult AlreadyClaimed() => Problems.Conflict("你已领过这个口令红包 (you already claimed this code)", SecretCodeRules.Field);
}
