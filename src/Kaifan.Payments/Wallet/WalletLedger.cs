using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// The only way the balance moves. Callers hold a transaction: the UPDATE runs at once, the entry is saved with the
/// caller's other changes, and a rollback takes back both.
/// </summary>
internal static class WalletLedger
{
    /// <summary>
    /// Takes the amount only if the balance covers it, in one conditional UPDATE: two payments at once cannot both
    /// see the old balance, the database lets the second through only against what the first left.
    /// </summary>
    public static async Task<bool> TryDebitAsync(PaymentsDb db, Guid customerId, long amountFen, WalletEntryKind kind, Guid sourceId, DateTimeOffset now, CancellationToken ct)
    {
        var taken = await db.Wallets
            .Where(w => w.CustomerId == customerId && w.BalanceFen >= amountFen)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.BalanceFen, w => w.BalanceFen - amountFen), ct);
        if (taken == 0)
        {
            return false;
        }

        db.WalletEntries.Add(Entry(customerId, -amountFen, kind, sourceId, now));
        return true;
    }

    /// <summary>Adds to the balance, opening the wallet on its first credit.</summary>
    public static async Task CreditAsync(PaymentsDb db, Guid customerId, long amountFen, WalletEntryKind kind, Guid sourceId, DateTimeOffset now, CancellationToken ct)
    {
        var added = await db.Wallets
            .Where(w => w.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.BalanceFen, w => w.BalanceFen + amountFen), ct);
        if (added == 0)
        {
            db.Wallets.Add(new CustomerWallet { CustomerId = customerId, BalanceFen = amountFen });
        }

        db.WalletEntries.Add(Entry(customerId, amountFen, kind, sourceId, now));
    }

    public static async Task<long> BalanceAsync(PaymentsDb db, Guid customerId, CancellationToken ct) =>
        await db.Wallets.Where(w => w.CustomerId == customerId).Select(w => (long?)w.BalanceFen).SingleOrDefaultAsync(ct) ?? 0;

    private static WalletEntry Entry(Guid customerId, long amountFen, WalletEntryKind kind, Guid sourceId, DateTimeOffset now) =>
        new() { CustomerId = customerId, Kind = kind, AmountFen = amountFen, SourceId = sourceId, At = now };
}
