using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>Status is unused, used, expired or withdrawn (taken back by its promotion: 已失效); MinSpendFen 0 means 无门槛; UsedByOrderId is the order that spent it.</summary>
internal sealed record CouponView(
    Guid Id,
    long AmountFen,
    long MinSpendFen,
    string Reason,
    Guid? OrderId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string Status,
    Guid? UsedByOrderId,
    bool Used,
    bool Expired);

/// <summary>GET /api/me/coupons: the customer's own coupons (我的优惠券), newest first.</summary>
internal static class ListMyCoupons
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/me/coupons", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<List<CouponView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var coupons = await db.Coupons.AsNoTracking().Where(c => c.CustomerId == customerId && !c.GrantPending).ToListAsync(ct);
        return Results.Ok(coupons
            .OrderByDescending(c => c.IssuedAt)
            .ThenBy(c => c.Id)
            .Select(c =>
            {
                var status = c.Status(now);
                return new CouponView(
                    c.Id, c.AmountFen, c.MinSpendFen, c.Reason, c.OrderId, c.IssuedAt, c.ExpiresAt, status, c.UsedByOrderId,
                    c.Used, c.ExpiresAt <= now);
            })
            .ToList());
    }
}
