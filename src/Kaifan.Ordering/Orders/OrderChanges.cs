using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

internal static class OrderChanges
{
    /// <summary>Commits a transition with its events; a concurrent change of the same order (Version token) answers 409.</summary>
    public static async Task<IResult?> CommitAsync(IDbContextOutbox<OrderingDb> outbox, CancellationToken ct)
    {
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("订单状态已变化，请刷新后重试 (the order changed meanwhile)", "status");
        }
    }

    public static IResult Refused(Transition transition) => Problems.Conflict(transition.Error!, "status");
}
