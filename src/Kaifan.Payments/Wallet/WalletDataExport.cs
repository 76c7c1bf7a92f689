using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

internal sealed record WalletEntryExport(string Kind, long AmountFen, Guid SourceId, DateTimeOffset At);

internal sealed record TopUpExport(Guid Id, long AmountFen, string Status, string? GatewayTransactionId, DateTimeOffset CreatedAt, DateTimeOffset? CreditedAt);

/// <summary>One part of a 余额退回; RefundId is the 退回 it belongs to, the source of its ledger entry.</summary>
internal sealed record BalanceRefundExport(Guid Id, Guid RefundId, Guid TopUpId, long AmountFen, string Status, string? GatewayRefundId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

internal sealed record WalletExport(long BalanceFen, IReadOnlyList<WalletEntryExport> Entries, IReadOnlyList<TopUpExport> TopUps, IReadOnlyList<BalanceRefundExport> Refunds);

/// <summary>The customer's 余额: the balance, every ledger entry, top-up and 退回 part, oldest first.</summary>
internal sealed class WalletDataExport(PaymentsDb db) : IPersonalDataExport
{
    public string Section => "wallet";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var entries = await db.WalletEntries.AsNoTracking().Where(e => e.CustomerId == userId).OrderBy(e => e.Id).ToListAsync(ct);
        var topUps = await db.TopUps.AsNoTracking().Where(t => t.CustomerId == userId).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var refunds = await db.BalanceRefunds.AsNoTracking().Where(r => r.CustomerId == userId).OrderBy(r => r.Id).ToListAsync(ct);
        return new WalletExport(
            await WalletLedger.BalanceAsync(db, userId, ct),
            entries.Select(e => new WalletEntryExport(GetMyWallet.KindName(e.Kind), e.AmountFen, e.SourceId, e.At)).ToList(),
            topUps.Select(t => new TopUpExport(t.Id, t.AmountFen, t.Status.ToString(), t.GatewayTransactionId, t.CreatedAt, t.CreditedAt)).ToList(),
            refunds.Select(r => new BalanceRefundExport(r.Id, r.RequestId, r.TopUpId, r.AmountFen, r.Status.ToString(), r.GatewayRefundId, r.RequestedAt, r.CompletedAt)).ToList());
    }
}
