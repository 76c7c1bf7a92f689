using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>上架 / 下架: an unlisted dish stays in the console (仓库中) but leaves the customer's menu.</summary>
internal static class SetListing
{
    internal sealed record Request(bool? Listed);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Listed).NotNull();
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPut("/items/{itemId:guid}/listing", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Guid itemId, Request request, CatalogDb db, CancellationToken ct)
    {
        var changed = await db.Items
            .Where(i => i.Id == itemId && i.MerchantId == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.IsListed, request.Listed!.Value), ct);
        return changed == 0 ? Problems.NotFound("商品 (item)") : await SetStock.ItemViewAsync(db, itemId, ct);
    }
}
