using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>
/// POST .../communities/{id}/close: nobody joins any more and its 社群价 and 社群券 stop for everyone at once (coupons
/// already claimed stay valid). Closing twice is 409 naming "status".
/// </summary>
internal static class CloseCommunity
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(CommunityOwnership.OpsRoute + "/{id:guid}/close", (Guid id, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                CloseAsync(id, null, db, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<CommunityView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(CommunityOwnership.MerchantRoute + "/{id:guid}/close", (Guid id, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct) =>
                CloseAsync(id, user.MerchantId()!.Value, db, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<CommunityView>()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> CloseAsync(Guid id, Guid? merchantId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var community = await CommunityOwnership.FindManagedAsync(db, id, merchantId, ct);
        if (community is null)
        {
            return Problems.NotFound("社群");
        }

        var now = clock.GetUtcNow();
        var closed = await db.Communities.Where(c => c.Id == id && c.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, now), ct);
        if (closed == 0)
        {
            return Problems.Conflict("该社群已关闭 (the community is already closed)", "status");
        }

        var reloaded = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        return Results.Ok((await CommunityView.OfAsync(db, [reloaded], now, ct)).Single());
    }
}
