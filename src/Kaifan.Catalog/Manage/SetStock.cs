using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Browse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>Sets today's stock; null means unlimited, 0 shows 已售罄.</summary>
internal static class SetStock
{
    internal sealed record Request(int? Stock);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Stock).InclusiveBetween(0, ItemRules.MaxStock).WithMessage(ItemRules.StockMessage);
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPut("/items/{itemId:guid}/stock", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Guid itemId, Request request, CatalogDb db, CancellationToken ct)
    {
        var changed = await db.Items
            .Where(i => i.Id == itemId && i.MerchantId == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, request.Stock), ct);
        return changed == 0 ? Problems.NotFound("商品 (item)") : await ItemViewAsync(db, itemId, ct);
    }

    public static async Task<IResult> ItemViewAsync(CatalogDb db, Guid itemId, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking()
            .Include(i => i.OptionGroups).ThenInclude(g => g.Options)
            .AsSplitQuery()
            .FirstAsync(i => i.Id == itemId, ct);
        return TypedResults.Ok(item.ToView());
    }
}
