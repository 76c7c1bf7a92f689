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
/// POST /api/growth/presales/{id}/leave: the customer leaves the chain before its cut-off. Their portions go back in
/// the same commit as PresaleLeft, on which Ordering cancels the order and the usual path refunds it. After the
/// cut-off (or once the chain is decided) it is 422 naming "presaleId" and nothing changes.
/// </summary>
internal static class LeavePresale
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/presales/{id:guid}/leave", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var entry = await db.PresaleEntries.AsNoTracking().SingleOrDefaultAsync(e => e.PresaleId == id && e.CustomerId == customerId, ct);
        if (entry is null)
        {
            return Problems.NotFoundAt(PresaleRules.Field, "你不在这个接龙里 (you are not in this chain)");
        }

        var now = clock.GetUtcNow();
        var paid = entry.PaidAt is null ? 0 : entry.Quantity;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The chain's Version moves with it, so a cut-off deciding at this moment runs again and sees the leave.
        var stepped = await db.Presales
            .Where(p => p.Id == id && p.Status == PresaleStatus.Open && p.CutoffAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Taken, p => p.Taken - entry.Quantity)
                .SetProperty(p => p.Joined, p => p.Joined - paid).SetProperty(p => p.Version, p => p.Version + 1), ct);
        var removed = stepped == 0 ? 0 : await db.PresaleEntries.Where(e => e.OrderId == entry.OrderId && e.PaidAt == entry.PaidAt).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            await transaction.RollbackAsync(ct);
            return stepped == 0
                ? Problems.Unprocessable("接龙已截止，不能退出 (the chain has closed; leaving is no longer possible)", PresaleRules.Field)
                : Problems.Conflict("订单状态刚刚变化，请刷新后重试 (the entry changed meanwhile; try again)", PresaleRules.Field);
        }

        await outbox.PublishAsync(new PresaleLeft(id, entry.OrderId, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.NoContent();
    }
}
