using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// Entries of 预售接龙 chains for Ordering's placement. Stock is only ever taken by a conditional update (open, before
/// the cut-off, Taken + quantity within Stock), so of many customers racing for the last portions none oversells; a
/// customer holds one entry per chain (a unique index), the loser of a same-customer race rolling its stock step back.
/// </summary>
internal sealed class PresaleEntries(GrowthDb db, TimeProvider clock) : IPresales
{
    public async Task<PresaleQuote?> FindAsync(Guid presaleId, CancellationToken ct)
    {
        var p = await db.Presales.AsNoTracking().SingleOrDefaultAsync(p => p.Id == presaleId, ct);
        return p is null
            ? null
            : new PresaleQuote(p.Id, p.MerchantId, p.ItemId, p.PriceFen, p.PerCustomerLimit, p.IsJoinableAt(clock.GetUtcNow()), p.CutoffAt, p.DeliverAt, p.ReleaseAt,
                p.OptionIds);
    }

    public async Task<PresaleEntryResult> JoinAsync(PresaleEntryRequest request, CancellationToken ct)
    {
        // A retried placement finds the entry its first attempt made.
        if (await db.PresaleEntries.AsNoTracking().AnyAsync(e => e.OrderId == request.OrderId, ct))
        {
            return PresaleEntryResult.In;
        }

        if (await db.PresaleEntries.AnyAsync(e => e.PresaleId == request.PresaleId && e.CustomerId == request.CustomerId, ct))
        {
            return AlreadyIn();
        }

        var now = clock.GetUtcNow();
        var quantity = request.Quantity;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Presales
            .Where(p => p.Id == request.PresaleId && p.Status == PresaleStatus.Open && p.CutoffAt > now && p.Taken + quantity <= p.Stock && quantity <= p.PerCustomerLimit)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Taken, p => p.Taken + quantity).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            return PresaleEntryResult.Refused(StatusCodes.Status409Conflict, "预售余量不足或接龙已截止 (not enough left, or the chain has closed)", PresaleRules.Field);
        }

        db.PresaleEntries.Add(new PresaleEntry
        {
            OrderId = request.OrderId, PresaleId = request.PresaleId, CustomerId = request.CustomerId, Quantity = quantity,
            MaskedName = request.MaskedName, JoinedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return PresaleEntryResult.In;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyIn();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task ReleaseEntryAsync(Guid orderId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReleaseEntryWhenOrderCancelled.ReleaseAsync(db, orderId, ct);
        await transaction.CommitAsync(ct);
    }

    private static PresaleEntryResult AlreadyIn() =>
        PresaleEntryResult.Refused(StatusCodes.Status409Conflict, "你已在接龙中，可在订单里查看 (you are already in this chain)", PresaleRules.Field);
}
