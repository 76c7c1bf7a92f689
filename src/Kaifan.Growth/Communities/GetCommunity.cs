using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>The community page (/m/community/{code}): its running offers, a few members masked (张**), and whether the viewer belongs.</summary>
internal sealed record CommunityPageView(
    Guid Id, string Name, string Description, string Code, Guid? MerchantId, string? MerchantName, int MemberCount, bool IsOpen, bool IsMember,
    IReadOnlyList<string> Members, IReadOnlyList<CommunityPriceView> Prices, IReadOnlyList<CouponPackView> CouponPacks);

/// <summary>GET /api/growth/communities/{code}: the page behind a join code or share link; an unknown code is 404 naming "code".</summary>
internal static class GetCommunity
{
    private const int MembersShown = 12;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/communities/{code}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<CommunityPageView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string code, ClaimsPrincipal user, GrowthDb db, ICustomerDirectory customers, TimeProvider clock, CancellationToken ct)
    {
        var key = CommunityRules.KeyOf(code);
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Code == key, ct);
        return community is null
            ? CreateCommunity.NotFoundField("社群", CommunityRules.CodeField)
            : Results.Ok(await PageAsync(db, customers, community, user.UserId(), clock.GetUtcNow(), ct));
    }

    internal static async Task<CommunityPageView> PageAsync(
        GrowthDb db, ICustomerDirectory customers, Community community, Guid me, DateTimeOffset now, CancellationToken ct)
    {
        var isMember = await db.CommunityMembers.AnyAsync(m => m.CommunityId == community.Id && m.CustomerId == me, ct);
        var memberIds = await db.CommunityMembers.AsNoTracking().Where(m => m.CommunityId == community.Id)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Take(MembersShown).Select(m => m.CustomerId).ToListAsync(ct);
        var names = await customers.MaskedNamesAsync(memberIds, ct);
        var prices = community.IsOpen
            ? (await db.CommunityPrices.AsNoTracking().Where(p => p.CommunityId == community.Id).ToListAsync(ct)).Where(p => p.IsRunningAt(now)).ToList()
            : [];
        var packs = community.IsOpen
            ? (await db.CommunityCouponPacks.AsNoTracking().Where(p => p.CommunityId == community.Id).ToListAsync(ct)).Where(p => p.IsRunningAt(now)).ToList()
            : [];
        var packIds = packs.Select(p => p.Id).ToList();
        var claimed = (await db.CommunityCouponClaims.AsNoTracking().Where(c => packIds.Contains(c.PackId) && c.CustomerId == me).Select(c => c.PackId).ToListAsync(ct)).ToHashSet();
        return new CommunityPageView(
            community.Id, community.Name, community.Description, community.Code, community.MerchantId, community.MerchantName, community.MemberCount,
            community.IsOpen, isMember, memberIds.Select(id => names.TryGetValue(id, out var name) ? name : "饭友**").ToList(),
            prices.OrderBy(p => p.CreatedAt).Select(p => CommunityPriceView.Of(p, now)).ToList(),
            packs.OrderBy(p => p.CreatedAt).Select(p => CouponPackView.Of(p, now, claimed.Contains(p.Id))).ToList());
    }
}
