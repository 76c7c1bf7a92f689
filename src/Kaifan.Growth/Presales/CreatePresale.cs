using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// POST /api/merchant/presales (the merchant's own dish) and POST /api/ops/growth/presales (any merchant's, named by
/// merchantId): a 预售接龙. Fields are checked one by one (400); a dish that is not the merchant's is 404 naming
/// "itemId"; the shop fixes the dish's options (the chain page asks only how many), and options that do not answer the
/// menu are 422 naming "optionIds"; a price above the list price with those options' deltas is 422 naming "priceFen",
/// a cut-off already past 422 naming "cutoffAt", and a slot whose orders would reach the shop before the cut-off 422
/// naming "deliverAt". The cut-off is scheduled durably in the same commit.
/// </summary>
internal static class CreatePresale
{
    internal sealed record Request(
        Guid? MerchantId, Guid ItemId, long PriceFen, int Stock, int PerCustomerLimit, int MinimumQuantity,
        DateTimeOffset CutoffAt, DateTimeOffset DeliverAt, int SlotMinutes = 30, string? Note = null, IReadOnlyList<Guid>? OptionIds = null);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ItemId).NotEmpty().WithMessage("请选择菜品 (itemId is required)");
            RuleFor(r => r.PriceFen).InclusiveBetween(1, 100_000).WithMessage("预售价为¥0.01到¥1000 (the price is ¥0.01 to ¥1000)");
            RuleFor(r => r.Stock).InclusiveBetween(1, PresaleRules.MaxStock).WithMessage($"库存为1到{PresaleRules.MaxStock}份 (stock is 1 to {PresaleRules.MaxStock})");
            RuleFor(r => r.PerCustomerLimit).Must((r, limit) => limit >= 1 && limit <= Math.Min(PresaleRules.MaxPerCustomer, r.Stock))
                .WithMessage($"每人限购为1份到库存（最多{PresaleRules.MaxPerCustomer}份） (the per-customer limit is 1 to the stock, at most {PresaleRules.MaxPerCustomer})");
            RuleFor(r => r.MinimumQuantity).Must((r, minimum) => minimum >= 1 && minimum <= r.Stock)
                .WithMessage("最低成团份数为1份到库存 (the minimum is 1 to the stock)");
            RuleFor(r => r.DeliverAt).GreaterThan(r => r.CutoffAt).WithMessage("送达时间须晚于截止时间 (delivery comes after the cut-off)");
            RuleFor(r => r.SlotMinutes).InclusiveBetween(15, 120).WithMessage("送达时段为15到120分钟 (the slot is 15 to 120 minutes)");
            RuleFor(r => r.OptionIds).Must(ids => ids is null || ids.Count <= PresaleRules.MaxOptions)
                .WithMessage($"规格最多{PresaleRules.MaxOptions}项 (at most {PresaleRules.MaxOptions} options)");
            RuleFor(r => r.Note).MaximumLength(PresaleRules.NoteLength).WithMessage($"备注最多{PresaleRules.NoteLength}字 (the note is at most {PresaleRules.NoteLength} characters)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/presales", (Request request, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, ICatalogQueries catalog, IPrepTimeEstimates prep, TimeProvider clock, CancellationToken ct) =>
                CreateAsync(user.MerchantId()!.Value, request, outbox, catalog, prep, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<PresaleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/api/ops/growth/presales", (Request request, IDbContextOutbox<GrowthDb> outbox, ICatalogQueries catalog, IPrepTimeEstimates prep, TimeProvider clock, CancellationToken ct) =>
                request.MerchantId is { } merchantId && merchantId != Guid.Empty
                    ? CreateAsync(merchantId, request, outbox, catalog, prep, clock, ct)
                    : Task.FromResult(Problems.Validation("merchantId", "请选择商家 (merchantId is required)")))
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<PresaleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> CreateAsync(
        Guid merchantId, Request request, IDbContextOutbox<GrowthDb> outbox, ICatalogQueries catalog, IPrepTimeEstimates prep, TimeProvider clock, CancellationToken ct)
    {
        var merchant = await catalog.GetMerchantForOrderingAsync(merchantId, ct);
        if (merchant is null)
        {
            return NotFound("商家", "merchantId");
        }

        if (merchant.Items.SingleOrDefault(i => i.Id == request.ItemId) is not { } item)
        {
            return NotFound("菜品", "itemId");
        }

        var (variant, variantError) = PresaleVariant.Of(item, request.OptionIds);
        if (variantError is not null)
        {
            return variantError;
        }

        if (request.PriceFen > variant!.ListPriceFen)
        {
            return Problems.Unprocessable($"预售价不能高于原价¥{Fen.ToYuan(variant.ListPriceFen)} (the pre-sale price must not exceed the list price)", "priceFen");
        }

        var now = clock.GetUtcNow();
        if (request.CutoffAt <= now)
        {
            return Problems.Unprocessable("截止时间须晚于现在 (the cut-off must be in the future)", "cutoffAt");
        }

        var deliverAt = request.DeliverAt.ToUniversalTime();
        if (deliverAt > now.AddDays(PresaleRules.MaxDaysAhead))
        {
            return Problems.Unprocessable($"送达日期最多在{PresaleRules.MaxDaysAhead}天内 (delivery is at most {PresaleRules.MaxDaysAhead} days ahead)", "deliverAt");
        }

        var estimate = await prep.EstimateAsync(merchantId, deliverAt, PresaleRules.DefaultPrepMinutes, ct);
        var prepMinutes = (int)Math.Ceiling(estimate.Minutes);
        var releaseAt = deliverAt.AddMinutes(-prepMinutes);
        if (releaseAt <= request.CutoffAt)
        {
            return Problems.Unprocessable($"截止时间须早于出餐时间（送达前{prepMinutes}分钟） (the cut-off must come before the kitchen starts)", "deliverAt");
        }

        var presale = new Presale
        {
            Id = Guid.CreateVersion7(now), MerchantId = merchantId, MerchantName = merchant.Name, ZoneId = merchant.ZoneId, ItemId = item.Id,
            ItemName = variant.Name, OptionIds = [.. variant.OptionIds], ListPriceFen = variant.ListPriceFen, PriceFen = request.PriceFen,
            Stock = request.Stock, PerCustomerLimit = request.PerCustomerLimit,
            MinimumQuantity = request.MinimumQuantity, CutoffAt = request.CutoffAt.ToUniversalTime(), DeliverAt = deliverAt, SlotMinutes = request.SlotMinutes,
            PrepMinutes = prepMinutes, ReleaseAt = releaseAt, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), CreatedAt = now,
        };
        outbox.DbContext.Presales.Add(presale);

        // A delay rather than an instant: the scheduler keeps its own clock, which may differ from ours.
        await outbox.ScheduleAsync(new PresaleCutoffReached(presale.Id), presale.CutoffAt - now);
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Json(PresaleView.Of(presale, now), statusCode: StatusCodes.Status201Created);
    }

    private static IResult NotFound(string what, string field) =>
        Problems.NotFoundAt(field, $"{what} 不存在 (not found)");
}
