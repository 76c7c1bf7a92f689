using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Refunds;

internal static class RefundChanges
{
    /// <summary>
    /// Commits with its events. A parallel request loses on the order's Version or, failing that, on the one-open-request
    /// index; either way it changed nothing and answers 409.
    /// </summary>
    public static async Task<IResult?> CommitAsync(IDbContextOutbox<OrderingDb> outbox, CancellationToken ct)
    {
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            return Problems.Conflict("退款申请已变化，请刷新后重试 (the order's refunds changed meanwhile)", "refundRequest");
        }
    }
}
