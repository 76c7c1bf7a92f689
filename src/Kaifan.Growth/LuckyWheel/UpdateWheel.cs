using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// PUT /api/ops/growth/wheels/{wheelId}: the operator adjusts a wheel that has not ended: its name, end, daily spins, and
/// each prize's weight and stock. What a prize is (coupon or 谢谢参与, amount, threshold) stays, since customers may hold
/// it already. A stock never drops below what was won: each prize's change is conditional on that, so a spin that wins
/// the last portion at the same moment makes the edit a 409 and nothing of it is kept.
/// </summary>
internal static class UpdateWheel
{
    internal sealed record PrizeChange(int Segment, int Weight, int? Stock);

    internal sealed record Request(string Name, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, List<PrizeChange> Prizes)
        : CreateWheel.IWheelSettings;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            Include(new CreateWheel.SettingsValidator());
            RuleFor(r => r.Prizes).NotNull().WithMessage("请设置奖品 (the prizes are required)")
                .Must(p => p is null || p.Select(x => x.Segment).Distinct().Count() == p.Count)
                .WithMessage("每个格子只能出现一次 (each segment once)");
            RuleForEach(r => r.Prizes).ChildRules(prize =>
            {
                prize.RuleFor(p => p.Weight).InclusiveBetween(1, 1_000_000).WithMessage("权重为1到1000000 (the weight is 1 to 1,000,000)");
                prize.RuleFor(p => p.Stock).InclusiveBetween(1, 1_000_000).When(p => p.Stock is not null)
                    .WithMessage("数量为1到1000000 (the stock is 1 to 1,000,000)");
            });
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/api/ops/growth/wheels/{wheelId:guid}", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<WheelOpsView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid wheelId, Request request, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wheel = await db.Wheels.AsNoTracking().SingleOrDefaultAsync(w => w.Id == wheelId, ct);
        if (wheel is null)
        {
            return WheelProblems.NoSuchWheel();
        }

        if (Refusal(wheel, request, now) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var endsAt = request.EndsAt.ToUniversalTime();
        await db.Wheels.Where(w => w.Id == wheelId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Name, request.Name.Trim())
            .SetProperty(w => w.EndsAt, endsAt)
            .SetProperty(w => w.FreeSpinsPerDay, request.FreeSpinsPerDay)
            .SetProperty(w => w.MaxShareSpinsPerDay, request.MaxShareSpinsPerDay), ct);
        foreach (var (change, index) in request.Prizes.Select((c, i) => (c, i)))
        {
            var prizeId = wheel.Prizes.Single(p => p.Segment == change.Segment).Id;
            var changed = await db.WheelPrizes
                .Where(p => p.Id == prizeId && (change.Stock == null || p.Won <= change.Stock))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Weight, change.Weight).SetProperty(p => p.Stock, change.Stock), ct);
            if (changed == 0)
            {
                return Problems.Conflict("数量不能少于已抽中的份数 (the stock cannot go below what was already won)", $"prizes[{index}].stock");
            }
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var saved = await db.Wheels.AsNoTracking().SingleAsync(w => w.Id == wheelId, ct);
        return Results.Ok(WheelOpsView.Of(saved, now, await ListWheels.SpinsTodayAsync(db, wheelId, now, ct)));
    }

    private static IResult? Refusal(Wheel wheel, Request request, DateTimeOffset now)
    {
        if (WheelRules.Status(wheel, now) == "ended")
        {
            return Problems.Unprocessable("活动已结束，不能再修改 (the wheel has ended)", WheelProblems.WheelField);
        }

        var endsAt = request.EndsAt.ToUniversalTime();
        if (endsAt <= now || endsAt <= wheel.StartsAt)
        {
            return Problems.Unprocessable("结束时间须晚于现在和开始时间；要立即结束请点“结束活动” (the end must be later than now and the start)", "endsAt");
        }

        if (!request.Prizes.Select(p => p.Segment).Order().SequenceEqual(wheel.Prizes.Select(p => p.Segment).Order()))
        {
            return Problems.Unprocessable("奖品须与转盘的格子一一对应 (one change per segment of the wheel)", "prizes");
        }

        var kinds = wheel.Prizes.ToDictionary(p => p.Segment, p => p.Kind);
        foreach (var (change, index) in request.Prizes.Select((c, i) => (c, i)))
        {
            if (kinds[change.Segment] == WheelRules.CouponKind && change.Stock is null)
            {
                return Problems.Unprocessable("优惠券须设数量 (a coupon prize needs a stock)", $"prizes[{index}].stock");
            }
        }

        return request.Prizes.Any(p => kinds[p.Segment] == WheelRules.NothingKind && p.Stock is null)
            ? null
            : Problems.Unprocessable("至少一个“谢谢参与”不限数量，每次抽奖才有结果 (at least one unlimited 谢谢参与, so every spin lands)", "prizes");
    }
}
