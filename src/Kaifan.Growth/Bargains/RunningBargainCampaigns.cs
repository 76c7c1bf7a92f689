using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// GET /api/growth/bargain-campaigns: 砍价免费拿, the campaigns a customer can start now, ending soonest first, each with
/// the customer's own bargain on it while that one is under way (MyBargainId), so the list offers 继续砍价 instead.
/// </summary>
internal static class RunningBargainCampaigns
{
    internal sealed record Item(
        Guid Id, Guid MerchantId, string MerchantName, string DishName, long OriginalPriceFen, long FloorPriceFen, int HelpersNeeded, int HoursToBargain,
        DateTimeOffset EndsAt, Guid? MyBargainId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/bargain-campaigns", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<List<Item>>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var customerId = user.UserId();
        var campaigns = await db.BargainCampaigns.AsNoTracking().Where(c => c.StartsAt <= now && c.EndsAt > now).ToListAsync(ct);
        var mine = await db.Bargains.AsNoTracking()
            .Where(b => b.CustomerId == customerId && b.ActiveCampaignId != null && b.EndsAt > now)
            .ToDictionaryAsync(b => b.CampaignId, b => b.Id, ct);
        return Results.Ok(campaigns.OrderBy(c => c.EndsAt).ThenBy(c => c.Id)
            .Select(c => new Item(
                c.Id, c.MerchantId, c.MerchantName, c.DishName, c.OriginalPriceFen, c.FloorPriceFen, c.HelpersNeeded, c.HoursToBargain, c.EndsAt,
                mine.TryGetValue(c.Id, out var id) ? id : null))
            .ToList());
    }
}
