using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.GroupBuys;

/// <summary>A seat as others see it: no name, only 团长 or not, paid or still paying, and whether it is the viewer's own.</summary>
internal sealed record GroupSeatView(bool IsLeader, bool Paid, bool IsMe);

/// <summary>
/// Status is open, formed, failed or disbanded (nobody holds a seat: all left or let their unpaid order go).
/// CanJoin: the viewer could take a seat now (open, not full, not in it yet: one who left may join again);
/// MyOrderId: the viewer's own order in it; CanLeave: the viewer paid for a seat and may still 退出拼团.
/// </summary>
internal sealed record GroupView(
    Guid Id, Guid DealId, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen,
    int Size, int Taken, int Paid, int Missing, string Status, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, DateTimeOffset? FormedAt,
    IReadOnlyList<GroupSeatView> Seats, bool CanJoin, Guid? MyOrderId, bool CanLeave);

/// <summary>GET /api/growth/groups/{id}: the share link's group, for any signed-in customer; nobody's identity shows.</summary>
internal static class GetGroup
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/groups/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<GroupView>();

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return Problems.NotFound("拼团");
        }

        var me = user.UserId();
        var now = clock.GetUtcNow();
        var deal = await db.GroupDeals.AsNoTracking().SingleAsync(d => d.Id == group.DealId, ct);
        var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id).ToListAsync(ct);
        var seats = members.OrderByDescending(m => m.IsLeader).ThenBy(m => m.JoinedAt)
            .Select(m => new GroupSeatView(m.IsLeader, m.PaidAt is not null, m.CustomerId == me)).ToList();
        var mine = members.SingleOrDefault(m => m.CustomerId == me);
        var open = group.Status == GroupStatus.Open && now < group.ExpiresAt;
        return Results.Ok(new GroupView(
            group.Id, deal.Id, deal.MerchantId, deal.MerchantName, deal.ItemId, deal.ItemName, deal.ListPriceFen, deal.GroupPriceFen,
            group.Size, group.Taken, group.Paid, Math.Max(0, group.Size - group.Paid), group.Status.ToString().ToLowerInvariant(),
            group.OpenedAt, group.ExpiresAt, group.FormedAt, seats, open && group.Taken < group.Size && mine is null, mine?.OrderId, open && mine?.PaidAt is not null));
    }
}
