using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>A community in 我的社群: how many members, how many offers run for members now.</summary>
internal sealed record MyCommunityView(Guid Id, string Name, string Code, string? MerchantName, int MemberCount, bool IsOpen, int RunningOffers, DateTimeOffset JoinedAt);

/// <summary>GET /api/me/communities: the communities the customer belongs to, the latest joined first.</summary>
internal static class MyCommunities
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/me/communities", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<List<MyCommunityView>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        var mine = await (
                from member in db.CommunityMembers.AsNoTracking()
                join community in db.Communities.AsNoTracking() on member.CommunityId equals community.Id
                where member.CustomerId == me
                select new { community, member.JoinedAt })
            .ToListAsync(ct);
        var ids = mine.Select(m => m.community.Id).ToList();
        var prices = await db.CommunityPrices.AsNoTracking().Where(p => ids.Contains(p.CommunityId)).ToListAsync(ct);
        var packs = await db.CommunityCouponPacks.AsNoTracking().Where(p => ids.Contains(p.CommunityId)).ToListAsync(ct);
        return Results.Ok(mine.OrderByDescending(m => m.JoinedAt).Select(m => new MyCommunityView(
            m.community.Id, m.community.Name, m.community.Code, m.community.MerchantName, m.community.MemberCount, m.community.IsOpen,
            m.community.IsOpen ? prices.Count(p => p.CommunityId == m.community.Id && p.IsRunningAt(now)) + packs.Count(p => p.CommunityId == m.community.Id && p.IsRunningAt(now)) : 0,
            m.JoinedAt)).ToList());
    }
}
