using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Browse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Catalog.Manage;

/// <summary>The console's menu: like the customer's, plus 仓库中 (unlisted) dishes and empty categories.</summary>
internal static class GetManageMenu
{
    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/manage/menu", async (Guid merchantId, CatalogDb db, TimeProvider clock, CancellationToken ct) =>
            await GetMenu.LoadAsync(db, merchantId, includeUnlisted: true, clock, ct) is { } menu
                ? Results.Ok(menu)
                : Problems.NotFound("商家 (merchant)"));
}
