using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// POST /api/merchant/presales/{id}/stop (the shop's own chain) and POST /api/ops/growth/presales/{id}/stop (any
/// shop's): 停止接龙, e.g. when the supply falls through. The chain closes as Stopped and PresaleCancelled goes out in the
/// same commit, so Ordering cancels every order and refunds the paid ones exactly as for a chain short of its minimum.
/// A chain already decided is 422 naming "presaleId", another shop's 404; nothing changes on a refusal.
/// </summary>
internal static class StopPresale
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/presales/{id:guid}/stop", (Guid id, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct) =>
                StopAsync(id, user.MerchantId(), PresaleCancelled.ByMerchant, outbox, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Growth")
            .Produces<PresaleView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/api/ops/growth/presales/{id:guid}/stop", (Guid id, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct) =>
                StopAsync(id, null, PresaleCancelled.ByOperator, outbox, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<PresaleView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> StopAsync(
        Guid id, Guid? merchantId, string stoppedBy, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        if (!await db.Presales.AnyAsync(p => p.Id == id && (merchantId == null || p.MerchantId == merchantId), ct))
        {
            return Problems.NotFoundAt(PresaleRules.Field, "预售接龙 不存在 (not found)");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Stepping the Version first holds the chain's row: a join, payment, leave or cut-off at this moment either
        // committed before (its entry is read below) or runs again and finds the chain stopped.
        var stopped = await db.Presales
            .Where(p => p.Id == id && p.Status == PresaleStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PresaleStatus.Stopped)
                .SetProperty(p => p.DecidedAt, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (stopped == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Unprocessable("接龙已结束，不能停止 (the chain has already been decided or stopped)", PresaleRules.Field);
        }

        var orderIds = await db.PresaleEntries.AsNoTracking().Where(e => e.PresaleId == id).Select(e => e.OrderId).ToListAsync(ct);
        await outbox.PublishAsync(new PresaleCancelled(id, orderIds, now, stoppedBy));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        var presale = await db.Presales.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        return Results.Ok(PresaleView.Of(presale, now));
    }
}
