using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>
/// The campaigns (GET …/photo-cashback, newest first) and the review queue (GET …/photo-cashback/claims, pending first
/// then the last decided, 100 at most): the shop sees its own under /api/merchant, the operator every shop's under
/// /api/ops/growth (merchantId narrows it).
/// </summary>
internal static class ListPhotoCashback
{
    private const int QueueLength = 100;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/merchant/photo-cashback", (ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                CampaignsAsync(user.MerchantId() ?? Guid.Empty, db, clock, ct))
            .RequireAuthorization(Roles.Merchant).WithTags("Growth").Produces<List<PhotoCashbackView>>();
        api.MapGet("/api/ops/growth/photo-cashback", (Guid? merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                CampaignsAsync(merchantId, db, clock, ct))
            .RequireAuthorization(Roles.Operator).WithTags("Growth").Produces<List<PhotoCashbackView>>();
        api.MapGet("/api/merchant/photo-cashback/claims", (ClaimsPrincipal user, GrowthDb db, CancellationToken ct) =>
                ClaimsAsync(user.MerchantId() ?? Guid.Empty, db, ct))
            .RequireAuthorization(Roles.Merchant).WithTags("Growth").Produces<List<PhotoCashbackClaimView>>();
        api.MapGet("/api/ops/growth/photo-cashback/claims", (Guid? merchantId, GrowthDb db, CancellationToken ct) => ClaimsAsync(merchantId, db, ct))
            .RequireAuthorization(Roles.Operator).WithTags("Growth").Produces<List<PhotoCashbackClaimView>>();
    }

    private static async Task<IResult> CampaignsAsync(Guid? merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var campaigns = await db.PhotoCashbackCampaigns.AsNoTracking().Where(c => merchantId == null || c.MerchantId == merchantId).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var pending = await db.PhotoCashbackClaims.AsNoTracking()
            .Where(c => ids.Contains(c.CampaignId) && c.Status == ClaimStatus.Pending)
            .GroupBy(c => c.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var now = clock.GetUtcNow();
        return Results.Ok(campaigns.OrderByDescending(c => c.CreatedAt).Select(c => PhotoCashbackView.Of(c, now, pending.GetValueOrDefault(c.Id))).ToList());
    }

    private static async Task<IResult> ClaimsAsync(Guid? merchantId, GrowthDb db, CancellationToken ct)
    {
        var claims = await db.PhotoCashbackClaims.AsNoTracking()
            .Where(c => merchantId == null || c.MerchantId == merchantId)
            .OrderBy(c => c.Status == ClaimStatus.Pending ? 0 : 1)
            .ThenByDescending(c => c.PostedAt)
            .Take(QueueLength)
            .ToListAsync(ct);
        return Results.Ok(claims.Select(PhotoCashbackClaimView.Of).ToList());
    }
}
