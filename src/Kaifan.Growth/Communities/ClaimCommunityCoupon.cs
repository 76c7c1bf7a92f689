using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>
/// POST /api/growth/community-coupons/{packId}/claim: a member takes the 社群券. Every refusal names "packId": no such
/// pack (404), not a member (403), not running or the community closed (422), already claimed or the budget spent
/// (409). The claim, the budget step and the CouponGranted event commit together.
/// </summary>
internal static class ClaimCommunityCoupon
{
    private const string Field = "packId";

    internal sealed record Response(Guid CouponId, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/community-coupons/{packId:guid}/claim", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid packId, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var me = user.UserId();
        var now = clock.GetUtcNow();
        var pack = await db.CommunityCouponPacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packId, ct);
        var community = pack is null ? null : await db.Communities.AsNoTracking().SingleAsync(c => c.Id == pack.CommunityId, ct);
        if (pack is null || community is null)
        {
            return CreateCommunity.NotFoundField("社群券", Field);
        }

        if (!await db.CommunityMembers.AnyAsync(m => m.CommunityId == community.Id && m.CustomerId == me, ct))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"加入「{community.Name}」后才能领取 (members only)",
                extensions: new Dictionary<string, object?> { ["field"] = Field });
        }

        if (!community.IsOpen || !pack.IsRunningAt(now))
        {
            return Problems.Unprocessable("社群券未开始或已结束 (the coupon pack is not running)", Field);
        }

        if (await db.CommunityCouponClaims.AnyAsync(c => c.PackId == packId && c.CustomerId == me, ct))
        {
            return AlreadyClaimed();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.CommunityCouponPacks.Where(p => p.Id == packId && p.Claimed < p.Budget)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Claimed, p => p.Claimed + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Conflict("来晚了，社群券已被领完 (every coupon of this pack is claimed)", Field);
        }

        var couponId = Guid.CreateVersion7(now);
        var expiresAt = now.AddDays(pack.CouponDays);
        var reason = $"社群券「{community.Name}」";
        db.CommunityCouponClaims.Add(new CommunityCouponClaim { Id = couponId, PackId = packId, CustomerId = me, ClaimedAt = now });
        await outbox.PublishAsync(new CouponGranted(couponId, me, pack.AmountFen, pack.MinSpendFen, reason, now, expiresAt));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same member's parallel claim won; this one's budget step rolls back with it.
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyClaimed();
        }

        return Results.Json(new Response(couponId, pack.AmountFen, pack.MinSpendFen, reason, expiresAt), statusCode: StatusCodes.Status201Created);
    }

    private static IResult AlreadyClaimed() => Problems.Conflict("你已领过这张社群券 (you already claimed this pack)", Field);
}
