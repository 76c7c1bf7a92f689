using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Wallet;

/// <summary>
/// Payments' answer marks the withdrawal once: only a pending one moves, so a repeated or late event changes nothing. A
/// failed one stops holding its amount back, which returns it to the balance.
/// </summary>
public static class WithdrawalOutcomeHandler
{
    public static Task Handle(RiderWithdrawalPaid paid, DispatchDb db, CancellationToken ct) =>
        MarkAsync(db, paid.WithdrawalId, WithdrawalStatus.Paid, paid.PaidAt, paid.GatewayBillNo, ct);

    public static Task Handle(RiderWithdrawalFailed failed, DispatchDb db, CancellationToken ct) =>
        MarkAsync(db, failed.WithdrawalId, WithdrawalStatus.Failed, failed.FailedAt, failed.Reason, ct);

    private static Task MarkAsync(DispatchDb db, Guid id, WithdrawalStatus status, DateTimeOffset at, string note, CancellationToken ct)
    {
        note = note.Length > 200 ? note[..200] : note;
        return db.RiderWithdrawals.Where(w => w.Id == id && w.Status == WithdrawalStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, status).SetProperty(w => w.CompletedAt, at).SetProperty(w => w.GatewayNote, note), ct);
    }
}
