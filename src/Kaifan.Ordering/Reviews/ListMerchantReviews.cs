using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

/// <summary>GET /api/merchant/reviews: the console's 评价 list, newest first (the last 100), each with the shop's reply if any.</summary>
internal static class ListMerchantReviews
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchant/reviews", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Reviews")
            .Produces<List<ReviewView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, OrderingDb db, CancellationToken ct)
    {
        var merchantId = user.MerchantId();
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.MerchantId == merchantId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(100)
            .ToListAsync(ct);
        return Results.Ok(reviews.Select(r => ReviewView.Of(r, withCashback: true)).ToList());
    }
}
