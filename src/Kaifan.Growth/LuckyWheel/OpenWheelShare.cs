using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// POST /api/growth/wheel/shares: a signed-in friend opened a share link (/m/wheel?from=CODE), which earns its owner one
/// more spin that Shanghai day. Refusals name "from": an unknown code (404), one's own link (422), a friend who already
/// counted for this sharer today or a sharer whose share spins for the day are all earned (409). The count rises
/// through a conditional update, so parallel friends never pass the day's cap.
/// </summary>
internal static class OpenWheelShare
{
    internal const string Field = "from";

    internal sealed record Request(Guid WheelId, string From);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.WheelId).NotEmpty().WithMessage("请选择转盘 (the wheel is required)");
            RuleFor(r => r.From).NotEmpty().MaximumLength(WheelRules.ShareCodeLength * 2).WithMessage("分享链接无效 (not a share link)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/wheel/shares", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var friendId = user.UserId();
        var now = clock.GetUtcNow();
        var day = ChinaTime.DayOf(now);
        var code = request.From.Trim().ToUpperInvariant();
        var sharerId = await db.WheelShareCodes.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.CustomerId).SingleOrDefaultAsync(ct);
        if (sharerId is not { } sharer)
        {
            return Problems.NotFoundAt(Field, "分享链接无效 (not a share link)");
        }

        if (sharer == friendId)
        {
            return Problems.Unprocessable("自己打开自己的分享链接不算，请分享给好友 (your own link does not count; share it with a friend)", Field);
        }

        var wheel = await db.Wheels.AsNoTracking().SingleOrDefaultAsync(w => w.Id == request.WheelId, ct);
        if (wheel is null)
        {
            return WheelProblems.NoSuchWheel();
        }

        if (!wheel.RunsAt(now))
        {
            return WheelProblems.NotRunning(wheel, now);
        }

        if (await db.WheelShares.AnyAsync(s => s.WheelId == wheel.Id && s.SharerId == sharer && s.FriendId == friendId && s.Day == day, ct))
        {
            return AlreadyCounted();
        }

        await WheelAllowance.EnsureDayAsync(db, wheel.Id, sharer, day, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.WheelDays
            .Where(d => d.WheelId == wheel.Id && d.CustomerId == sharer && d.Day == day && d.ShareSpins < wheel.MaxShareSpinsPerDay)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ShareSpins, d => d.ShareSpins + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Conflict("好友今天的分享奖励已满，明天再来助力吧 (your friend earned every share spin for today)", Field);
        }

        db.WheelShares.Add(new WheelShare { WheelId = wheel.Id, SharerId = sharer, FriendId = friendId, Day = day, OpenedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same friend's parallel request counted; this one's step rolls back with it.
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyCounted();
        }

        return Results.NoContent();
    }

    private static IResult AlreadyCounted() => Problems.Conflict("你今天已为这位好友助力过 (you already helped this friend today)", Field);
}
