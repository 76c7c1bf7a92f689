using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Catalog.Manage;

/// <summary>The merchant console's routes: staff reach only their own shop; any other shop answers 404, as if it did not exist.</summary>
internal static class StaffOnly
{
    public static RouteGroupBuilder MapMerchantConsole(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/merchants/{merchantId:guid}")
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Merchant console");
        group.AddEndpointFilter(async (context, next) =>
        {
            var routeValue = context.HttpContext.Request.RouteValues["merchantId"] as string;
            return Guid.TryParse(routeValue, out var merchantId) && context.HttpContext.User.MerchantId() == merchantId
                ? await next(context)
                : Problems.NotFound("商家 (merchant)");
        });
        return group;
    }
}
