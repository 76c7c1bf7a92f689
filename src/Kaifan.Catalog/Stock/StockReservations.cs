using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Model;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaifan.Catalog.Stock;

/// <summary>
/// Holds and gives back stock with conditional updates only, so parallel orders can never oversell
/// and parallel releases never return the same units twice, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class StockReservations(CatalogDb db, TimeProvider clock) : IStockReservations
{
    public async Task<StockReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockLine> lines, CancellationToken ct)
    {
        // Sorted so two orders touching the same items lock them in the same order and cannot deadlock.
        var wanted = lines
            .GroupBy(l => l.ItemId)
            .Select(g => (ItemId: g.Key, Quantity: g.Sum(l => l.Quantity)))
            .OrderBy(l => l.ItemId)
            .ToList();
        if (wanted.Any(l => l.Quantity <= 0))
        {
            throw new ArgumentException("Every stock line needs a positive quantity.", nameof(lines));
        }

        // A retried placement must not take the stock twice.
        if (await db.StockReservations.AnyAsync(r => r.OrderId == orderId, ct))
        {
            return new StockReservationResult(true, []);
        }

        var now = clock.GetUtcNow();
        await using var scope = await UnitOfWork.BeginAsync(db, ct);
        try
        {
            var shortIds = new List<Guid>();
            foreach (var (itemId, quantity) in wanted)
            {
                // Unlimited stock stays NULL (NULL - q is NULL); limited stock only drops while enough is left.
                var taken = await db.Items
                    .Where(i => i.Id == itemId && i.IsListed && (i.Stock == null || i.Stock >= quantity))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock - quantity), ct);
                if (taken == 0)
                {
                    shortIds.Add(itemId);
                }
            }

            if (shortIds.Count > 0)
            {
                await scope.RollbackAsync(ct);
                return new StockReservationResult(false, shortIds);
            }

            db.StockReservations.AddRange(wanted.Select(l => new StockReservation { OrderId = orderId, ItemId = l.ItemId, Quantity = l.Quantity, ReservedAt = now }));
            await db.SaveChangesAsync(ct);
            await scope.CommitAsync(ct);
            return new StockReservationResult(true, []);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same order was reserved in parallel and won the primary key; its hold is the one that counts.
            await scope.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.StockReservations.AnyAsync(r => r.OrderId == orderId, ct))
            {
                return new StockReservationResult(true, []);
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task ReleaseAsync(Guid orderId, CancellationToken ct)
    {
        var held = await db.StockReservations.AsNoTracking()
            .Where(r => r.OrderId == orderId && r.ReleasedAt == null)
            .OrderBy(r => r.ItemId)
            .ToListAsync(ct);
        if (held.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var scope = await UnitOfWork.BeginAsync(db, ct);
        foreach (var reservation in held)
        {
            // Only the release that flips ReleasedAt gives the units back; a parallel or repeated one finds nothing to flip.
            var claimed = await db.StockReservations
                .Where(r => r.OrderId == orderId && r.ItemId == reservation.ItemId && r.ReleasedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReleasedAt, now), ct);
            if (claimed == 1)
            {
                await db.Items
                    .Where(i => i.Id == reservation.ItemId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock + reservation.Quantity), ct);
            }
        }

        await scope.CommitAsync(ct);
    }

    /// <summary>Its own transaction, or a savepoint when a caller (say, a Wolverine handler) already opened one.</summary>
    private sealed class UnitOfWork : IAsyncDisposable
    {
        private const string Savepoint = "stock";
        private readonly IDbContextTransaction transaction;
        private readonly bool owned;
        private bool done;

        private UnitOfWork(IDbContextTransaction transaction, bool owned) => (this.transaction, this.owned) = (transaction, owned);

        public static async Task<UnitOfWork> BeginAsync(CatalogDb db, CancellationToken ct)
        {
            if (db.Database.CurrentTransaction is { } ambient)
            {
                await ambient.CreateSavepointAsync(Savepoint, ct);
                return new UnitOfWork(ambient, owned: false);
            }

            return new UnitOfWork(await db.Database.BeginTransactionAsync(ct), owned: true);
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            if (owned)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.ReleaseSavepointAsync(Savepoint, ct);
            }

            done = true;
        }

        public async Task RollbackAsync(CancellationToken ct)
        {
            if (done)
            {
                return;
            }

            if (owned)
            {
                await transaction.RollbackAsync(ct);
            }
            else
            {
                await transaction.RollbackToSavepointAsync(Savepoint, ct);
            }

            done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!done)
            {
                await RollbackAsync(CancellationToken.None);
            }

            if (owned)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
