using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Browse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>Edits a dish's card; stock and listing have their own switches so an edit never overwrites a sale in flight.</summary>
internal static class EditItem
{
    internal sealed record Request(
        Guid CategoryId,
        string Name,
        string? Description,
        long PriceFen,
        int Calories,
        IReadOnlyList<OptionGroupInput>? OptionGroups);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.CategoryId).NotEmpty();
            RuleFor(x => x.Name).NotEmpty().MaximumLength(40);
            RuleFor(x => x.Description).MaximumLength(200);
            RuleFor(x => x.PriceFen).InclusiveBetween(0, ItemRules.MaxPriceFen).WithMessage(ItemRules.PriceMessage);
            RuleFor(x => x.Calories).InclusiveBetween(0, ItemRules.MaxCalories);
            RuleFor(x => x.OptionGroups).Must(g => g is null || g.Count <= 10).WithMessage("规格组最多 10 个 (at most 10 option groups)");
            RuleForEach(x => x.OptionGroups).NotNull().SetValidator(new OptionGroupInputValidator());
        }
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPut("/items/{itemId:guid}", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Guid itemId, Request request, CatalogDb db, CancellationToken ct)
    {
        var item = await db.Items
            .Include(i => i.OptionGroups).ThenInclude(g => g.Options)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == itemId && i.MerchantId == merchantId, ct);
        if (item is null)
        {
            return Problems.NotFound("商品 (item)");
        }

        if (!await db.Categories.AnyAsync(c => c.Id == request.CategoryId && c.MerchantId == merchantId, ct))
        {
            return Problems.NotFound("分类 (category)");
        }

        item.CategoryId = request.CategoryId;
        item.Name = request.Name.Trim();
        item.Description = request.Description?.Trim() ?? "";
        item.PriceFen = request.PriceFen;
        item.Calories = request.Calories;
        ItemRules.ApplyOptionGroups(item, request.OptionGroups);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel edit removed an option group or option this edit also touched.
            return Problems.Conflict("商品刚被修改，请刷新后重试 (the item changed meanwhile; reload and retry)");
        }

        return TypedResults.Ok(item.ToView());
    }
}
