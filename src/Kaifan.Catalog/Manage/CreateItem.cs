using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Browse;
using Kaifan.Catalog.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

internal static class CreateItem
{
    internal sealed record Request(
        Guid CategoryId,
        string Name,
        string? Description,
        long PriceFen,
        int Calories,
        int? Stock,
        bool? Listed,
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
            RuleFor(x => x.Stock).InclusiveBetween(0, ItemRules.MaxStock).WithMessage(ItemRules.StockMessage);
            RuleFor(x => x.OptionGroups).Must(g => g is null || g.Count <= 10).WithMessage("规格组最多 10 个 (at most 10 option groups)");
            RuleForEach(x => x.OptionGroups).NotNull().SetValidator(new OptionGroupInputValidator());
        }
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPost("/items", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Request request, CatalogDb db, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == request.CategoryId && c.MerchantId == merchantId, ct))
        {
            return Problems.NotFound("分类 (category)");
        }

        var sort = await db.Items.Where(i => i.MerchantId == merchantId && i.CategoryId == request.CategoryId).MaxAsync(i => (int?)i.Sort, ct) ?? -1;
        var item = new Item
        {
            Id = Guid.CreateVersion7(),
            MerchantId = merchantId,
            CategoryId = request.CategoryId,
            Name = request.Name.Trim(),
            Description = request.Description?.Trim() ?? "",
            PriceFen = request.PriceFen,
            Calories = request.Calories,
            Stock = request.Stock,
            IsListed = request.Listed ?? true,
            Sort = sort + 1,
        };
        ItemRules.ApplyOptionGroups(item, request.OptionGroups);
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/merchants/{merchantId}/manage/menu", item.ToView());
    }
}
