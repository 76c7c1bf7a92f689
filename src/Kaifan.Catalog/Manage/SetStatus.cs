using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>营业中 / 休息中: pausing closes the shop at once, whatever its opening hours say.</summary>
internal static class SetStatus
{
    internal sealed record Request(bool? Paused);

    internal sealed record Response(Guid MerchantId, bool IsPaused);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Paused).NotNull();
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPut("/status", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Request request, CatalogDb db, CancellationToken ct)
    {
        var paused = request.Paused!.Value;
        var changed = await db.Merchants
            .Where(m => m.Id == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsPaused, paused), ct);
        return changed == 0 ? Problems.NotFound("商家 (merchant)") : TypedResults.Ok(new Response(merchantId, paused));
    }
}
