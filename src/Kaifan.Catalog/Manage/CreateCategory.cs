using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

internal static class CreateCategory
{
    internal sealed record Request(string Name, int? Sort);

    internal sealed record Response(Guid Id, string Name, int Sort);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(20);
            RuleFor(x => x.Sort).InclusiveBetween(0, 10_000);
        }
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPost("/categories", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Request request, CatalogDb db, CancellationToken ct)
    {
        if (!await db.Merchants.AnyAsync(m => m.Id == merchantId, ct))
        {
            return Problems.NotFound("商家 (merchant)");
        }

        var sort = request.Sort ?? ((await db.Categories.Where(c => c.MerchantId == merchantId).MaxAsync(c => (int?)c.Sort, ct) ?? -1) + 1);
        var category = new Category { Id = Guid.CreateVersion7(), MerchantId = merchantId, Name = request.Name.Trim(), Sort = sort };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/merchants/{merchantId}/manage/menu", new Response(category.Id, category.Name, category.Sort));
    }
}
