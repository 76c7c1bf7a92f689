using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// POST /api/ops/growth/wheels: the operator starts a 幸运大转盘. Every rule names its field (400): 4 to 10 prizes,
/// positive weights, a coupon's amount, threshold, lifetime and stock, and at least one 谢谢参与 without a stock limit
/// so a spin always lands on something.
/// </summary>
internal static class CreateWheel
{
    internal sealed record PrizeInput(string Kind, long AmountFen, long MinSpendFen, int CouponDays, int Weight, int? Stock);

    internal sealed record Request(
        string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, List<PrizeInput> Prizes)
        : IWheelSettings;

    /// <summary>What creating a wheel and adjusting one both set and check the same way.</summary>
    internal interface IWheelSettings
    {
        string Name { get; }
        int FreeSpinsPerDay { get; }
        int MaxShareSpinsPerDay { get; }
    }

    internal sealed class SettingsValidator : AbstractValidator<IWheelSettings>
    {
        public SettingsValidator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请输入转盘名称 (the name is required)")
                .MaximumLength(WheelRules.NameLength).WithMessage($"名称最多{WheelRules.NameLength}个字 (the name has at most {WheelRules.NameLength} characters)");
            RuleFor(r => r.FreeSpinsPerDay).InclusiveBetween(1, 10).WithMessage("每日免费次数为1到10 (1 to 10 free spins a day)");
            RuleFor(r => r.MaxShareSpinsPerDay).InclusiveBetween(0, 10).WithMessage("每日分享奖励次数为0到10 (0 to 10 spins a day from sharing)");
        }
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            Include(new SettingsValidator());
            RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间须晚于开始时间 (the end comes after the start)");
            RuleFor(r => r.Prizes).NotNull().WithMessage("请设置奖品 (the prizes are required)")
                .Must(p => p is null || p.Count is >= WheelRules.MinPrizes and <= WheelRules.MaxPrizes)
                .WithMessage($"奖品为{WheelRules.MinPrizes}到{WheelRules.MaxPrizes}个 ({WheelRules.MinPrizes} to {WheelRules.MaxPrizes} prizes)")
                .Must(p => p is null || p.Any(x => x is { Kind: WheelRules.NothingKind, Stock: null }))
                .WithMessage("至少一个“谢谢参与”不限数量，每次抽奖才有结果 (at least one unlimited 谢谢参与, so every spin lands)");
            RuleForEach(r => r.Prizes).SetValidator(new PrizeValidator());
        }
    }

    internal sealed class PrizeValidator : AbstractValidator<PrizeInput>
    {
        public PrizeValidator()
        {
            RuleFor(p => p.Kind).Must(k => k is WheelRules.CouponKind or WheelRules.NothingKind)
                .WithMessage("奖品为优惠券或谢谢参与 (a prize is a coupon or nothing)");
            RuleFor(p => p.Weight).InclusiveBetween(1, 1_000_000).WithMessage("权重为1到1000000 (the weight is 1 to 1,000,000)");
            RuleFor(p => p.Stock).InclusiveBetween(1, 1_000_000).When(p => p.Stock is not null)
                .WithMessage("数量为1到1000000 (the stock is 1 to 1,000,000)");
            When(p => p.Kind == WheelRules.CouponKind, () =>
            {
                RuleFor(p => p.AmountFen).InclusiveBetween(1, 10_000).WithMessage("券面额为¥0.01到¥100 (the amount is ¥0.01 to ¥100)");
                RuleFor(p => p.MinSpendFen).InclusiveBetween(0, 100_000).WithMessage("使用门槛为¥0到¥1000 (the minimum spend is ¥0 to ¥1000)");
                RuleFor(p => p.CouponDays).InclusiveBetween(1, 90).WithMessage("券有效期为1到90天 (the coupon lasts 1 to 90 days)");
                RuleFor(p => p.Stock).NotNull().WithMessage("优惠券须设数量 (a coupon prize needs a stock)");
            });
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/growth/wheels", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<WheelOpsView>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(Request request, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wheelId = Guid.CreateVersion7(now);
        var wheel = new Wheel
        {
            Id = wheelId, Name = request.Name.Trim(), StartsAt = request.StartsAt.ToUniversalTime(), EndsAt = request.EndsAt.ToUniversalTime(),
            FreeSpinsPerDay = request.FreeSpinsPerDay, MaxShareSpinsPerDay = request.MaxShareSpinsPerDay, CreatedAt = now,
            Prizes = request.Prizes.Select((p, i) => new WheelPrize
            {
                Id = Guid.CreateVersion7(now), WheelId = wheelId, Segment = i, Weight = p.Weight, Stock = p.Stock,
                AmountFen = p.Kind == WheelRules.CouponKind ? p.AmountFen : 0,
                MinSpendFen = p.Kind == WheelRules.CouponKind ? p.MinSpendFen : 0,
                CouponDays = p.Kind == WheelRules.CouponKind ? p.CouponDays : 0,
            }).ToList(),
        };
        db.Wheels.Add(wheel);
        await db.SaveChangesAsync(ct);
        return Results.Json(WheelOpsView.Of(wheel, now, spinsToday: 0), statusCode: StatusCodes.Status201Created);
    }
}
