using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>
/// The shop's own 满减 and 新客立减 (GET/PUT …/promotions): up to five tiers whose thresholds and discounts both rise, each
/// discount below its threshold, and one 新客立减 amount; either switched off keeps its figures for next time. Checkout
/// reads what is in force through ICatalogQueries, so a change reaches the next quote and leaves placed orders alone.
/// </summary>
internal static class SetPromotions
{
    public const int MaxTiers = 5;
    public const long MaxThresholdFen = 100_000;
    public const long MaxNewCustomerFen = 5_000;

    internal sealed record TierInput(long ThresholdFen, long DiscountFen);

    internal sealed record Request(bool FullReductionOn, IReadOnlyList<TierInput>? Tiers, bool NewCustomerOn, long NewCustomerFen);

    internal sealed record Response(bool FullReductionOn, IReadOnlyList<TierInput> Tiers, bool NewCustomerOn, long NewCustomerFen);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Tiers).Must(t => t is null || t.Count <= MaxTiers).WithMessage($"满减最多{MaxTiers}档 (at most {MaxTiers} tiers)");
            RuleFor(x => x.Tiers).Must(t => t is { Count: > 0 }).When(x => x.FullReductionOn).WithMessage("开启满减需至少一档 (switching 满减 on needs a tier)");
            RuleForEach(x => x.Tiers).NotNull().ChildRules(tier =>
            {
                tier.RuleFor(t => t.ThresholdFen).InclusiveBetween(100, MaxThresholdFen).WithMessage("门槛为¥1到¥1000 (the threshold is ¥1 to ¥1000)");
                tier.RuleFor(t => t.DiscountFen).GreaterThan(0).WithMessage("减免须大于0 (the discount must be above zero)")
                    .LessThan(t => t.ThresholdFen).WithMessage("减免须低于门槛 (the discount must be below its threshold)");
            });
            RuleFor(x => x.Tiers).Custom((tiers, context) =>
            {
                for (var i = 1; i < (tiers?.Count ?? 0); i++)
                {
                    var (before, tier) = (tiers![i - 1], tiers[i]);
                    if (before is null || tier is null)
                    {
                        continue;
                    }

                    if (tier.ThresholdFen <= before.ThresholdFen)
                    {
                        context.AddFailure($"Tiers[{i}].ThresholdFen", "门槛须逐档升高 (thresholds must rise tier by tier)");
                    }
                    else if (tier.DiscountFen <= before.DiscountFen)
                    {
                        context.AddFailure($"Tiers[{i}].DiscountFen", "减免须逐档升高 (discounts must rise tier by tier)");
                    }
                }
            });
            RuleFor(x => x.NewCustomerFen).InclusiveBetween(0, MaxNewCustomerFen).WithMessage("新客立减为¥0到¥50 (新客立减 is ¥0 to ¥50)");
            RuleFor(x => x.NewCustomerFen).GreaterThan(0).When(x => x.NewCustomerOn).WithMessage("开启新客立减需填写金额 (switching 新客立减 on needs an amount)");
        }
    }

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/promotions", GetAsync).Produces<Response>();
        console.MapPut("/promotions", PutAsync).Validate<Request>().Produces<Response>();
    }

    private static async Task<IResult> GetAsync(Guid merchantId, CatalogDb db, CancellationToken ct) =>
        await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.Id == merchantId, ct) is { } merchant
            ? TypedResults.Ok(View(merchant))
            : Problems.NotFound("商家 (merchant)");

    private static async Task<IResult> PutAsync(Guid merchantId, Request request, CatalogDb db, CancellationToken ct)
    {
        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Id == merchantId, ct);
        if (merchant is null)
        {
            return Problems.NotFound("商家 (merchant)");
        }

        merchant.FullReductionOn = request.FullReductionOn;
        merchant.ReductionTiers = (request.Tiers ?? []).Select(t => new ReductionTier { ThresholdFen = t.ThresholdFen, DiscountFen = t.DiscountFen }).ToList();
        merchant.NewCustomerOn = request.NewCustomerOn;
        merchant.NewCustomerFen = request.NewCustomerFen;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(merchant));
    }

    private static Response View(Merchant m) =>
        new(m.FullReductionOn, m.ReductionTiers.Select(t => new TierInput(t.ThresholdFen, t.DiscountFen)).ToList(), m.NewCustomerOn, m.NewCustomerFen);
}
