using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>A numbered line of the chain as everyone sees it: 1. 张** ×2. Only paid entries are in the chain.</summary>
internal sealed record PresaleChainLine(int Number, string Name, int Quantity, bool IsMe);

/// <summary>
/// The chain page's pre-sale. Left: portions still to be had; CanJoin: the viewer could join now; MyOrderId and
/// MyQuantity: the viewer's own entry; CanLeave: they may still leave (before the cut-off).
/// </summary>
internal sealed record PresaleDetailView(
    PresaleView Presale, int Left, IReadOnlyList<PresaleChainLine> Chain, bool CanJoin, Guid? MyOrderId, int MyQuantity, bool CanLeave);

/// <summary>GET /api/growth/presales/{id}: the chain with masked names, for any signed-in customer.</summary>
internal static class GetPresale
{
    public const string Anonymous = "匿名用户";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/presales/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<PresaleDetailView>();

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var presale = await db.Presales.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (presale is null)
        {
            return Problems.NotFound("预售接龙");
        }

        var me = user.UserId();
        var now = clock.GetUtcNow();
        var entries = await db.PresaleEntries.AsNoTracking().Where(e => e.PresaleId == id).ToListAsync(ct);
        var chain = entries.Where(e => e.PaidAt != null).OrderBy(e => e.PaidAt).ThenBy(e => e.OrderId)
            .Select((e, i) => new PresaleChainLine(i + 1, e.MaskedName ?? Anonymous, e.Quantity, e.CustomerId == me)).ToList();
        var mine = entries.SingleOrDefault(e => e.CustomerId == me);
        var joinable = presale.IsJoinableAt(now);
        return Results.Ok(new PresaleDetailView(
            PresaleView.Of(presale, now), Math.Max(0, presale.Stock - presale.Taken), chain, joinable && mine is null && presale.Taken < presale.Stock,
            mine?.OrderId, mine?.Quantity ?? 0, joinable && mine is not null));
    }
}
