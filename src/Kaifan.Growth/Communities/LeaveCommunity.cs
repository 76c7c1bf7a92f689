using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>
/// POST /api/growth/communities/{id}/leave: the customer leaves; its 社群价 stops applying to their next quote (coupons
/// already claimed stay theirs). Leaving a community one is not in is 404.
/// </summary>
internal static class LeaveCommunity
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/communities/{id:guid}/leave", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, GrowthDb db, CancellationToken ct)
    {
        var me = user.UserId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var left = await db.CommunityMembers.Where(m => m.CommunityId == id && m.CustomerId == me).ExecuteDeleteAsync(ct);
        if (left == 0)
        {
            return Problems.NotFound("社群成员");
        }

        await db.Communities.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberCount, c => c.MemberCount - left), ct);
        await transaction.CommitAsync(ct);
        return Results.NoContent();
    }
}
