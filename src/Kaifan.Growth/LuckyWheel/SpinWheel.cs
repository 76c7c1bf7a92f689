using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// POST /api/growth/wheel/spin: the server draws where the wheel stops. The day's allowance, the prize's stock and the
/// coupon grant commit together, each count through a conditional update: ten parallel taps with one spin left spin
/// once, and a prize is never won more often than its stock. No spin left is 409 naming "spins".
/// </summary>
internal static class SpinWheel
{
    internal sealed record Request(Guid WheelId);

    internal sealed record Response(
        Guid SpinId, Guid WheelId, int Segment, string Kind, long AmountFen, long MinSpendFen, Guid? CouponId, DateTimeOffset? CouponExpiresAt,
        int SpinsLeft);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.WheelId).NotEmpty().WithMessage("请选择转盘 (the wheel is required)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/wheel/spin", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Request request, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, IWheelRandom random, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var day = ChinaTime.DayOf(now);
        var wheel = await db.Wheels.AsNoTracking().SingleOrDefaultAsync(w => w.Id == request.WheelId, ct);
        if (wheel is null)
        {
            return WheelProblems.NoSuchWheel();
        }

        if (!wheel.RunsAt(now))
        {
            return WheelProblems.NotRunning(wheel, now);
        }

        await WheelAllowance.EnsureDayAsync(db, wheel.Id, customerId, day, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.WheelDays
            .Where(d => d.WheelId == wheel.Id && d.CustomerId == customerId && d.Day == day && d.Spins < wheel.FreeSpinsPerDay + d.ShareSpins)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Spins, d => d.Spins + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Conflict("今天的抽奖次数已用完，分享给好友可多抽 (no spins left today; share to earn more)", "spins");
        }

        var prize = await TakeAsync(db, wheel.Prizes, random, ct);
        var spin = new WheelSpin
        {
            Id = Guid.CreateVersion7(now), WheelId = wheel.Id, CustomerId = customerId, Day = day, PrizeId = prize.Id, Segment = prize.Segment,
            AmountFen = prize.AmountFen, MinSpendFen = prize.MinSpendFen, SpunAt = now,
        };
        db.WheelSpins.Add(spin);
        DateTimeOffset? expiresAt = prize.IsCoupon ? now.AddDays(prize.CouponDays) : null;
        if (expiresAt is { } expires)
        {
            await outbox.PublishAsync(new CouponGranted(spin.Id, customerId, prize.AmountFen, prize.MinSpendFen, wheel.Reason, now, expires));
        }

        var left = await db.WheelDays.AsNoTracking().SingleAsync(d => d.WheelId == wheel.Id && d.CustomerId == customerId && d.Day == day, ct);
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Json(
            new Response(spin.Id, wheel.Id, prize.Segment, prize.Kind, prize.AmountFen, prize.MinSpendFen, prize.IsCoupon ? spin.Id : null, expiresAt,
                WheelAllowance.SpinsLeft(wheel, left)),
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Draws among the prizes in stock as last read; one that a parallel spin took the last of meanwhile is struck off
    /// and the draw is made again among the rest. A valid wheel always keeps an unlimited prize, so this ends.
    /// </summary>
    private static async Task<WheelPrize> TakeAsync(GrowthDb db, IReadOnlyList<WheelPrize> prizes, IWheelRandom random, CancellationToken ct)
    {
        var open = prizes.ToList();
        while (WheelDraw.Draw(open, random) is { } prize)
        {
            var taken = await db.WheelPrizes
                .Where(p => p.Id == prize.Id && (p.Stock == null || p.Won < p.Stock))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Won, p => p.Won + 1), ct);
            if (taken == 1)
            {
                return prize;
            }

            open.Remove(prize);
        }

        throw new InvalidOperationException("The wheel has no prize left in stock, which its validation forbids.");
    }
}
