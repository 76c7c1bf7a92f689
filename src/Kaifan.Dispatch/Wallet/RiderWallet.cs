using Kaifan.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Wallet;

/// <summary>可提现 and 待结算 at a moment, in fen, and the withdrawals started today that count against the daily limit.</summary>
internal sealed record WalletBalance(long AvailableFen, long PendingFen, int WithdrawalsToday);

/// <summary>
/// T+1: an order's earning is settled at the start of the next Shanghai day after its delivery, so a dispute or an
/// adjustment raised on the day never has to claw back money already withdrawn. Until then it is 待结算.
/// </summary>
internal static class RiderWallet
{
    public static async Task<WalletBalance> BalanceAsync(DispatchDb db, Guid riderId, DateTimeOffset now, CancellationToken ct)
    {
        var settlesFrom = ChinaTime.StartOfDay(now);
        var earnings = db.RiderEarnings.Where(e => e.RiderId == riderId);
        var settled = await earnings.Where(e => e.DeliveredAt < settlesFrom).SumAsync(e => e.TotalFen, ct);
        var pending = await earnings.Where(e => e.DeliveredAt >= settlesFrom).SumAsync(e => e.TotalFen, ct);
        var held = db.RiderWithdrawals.Where(w => w.RiderId == riderId && w.Status != WithdrawalStatus.Failed);
        var withdrawn = await held.SumAsync(w => w.AmountFen, ct);
        var today = await held.CountAsync(w => w.RequestedAt >= settlesFrom, ct);
        return new WalletBalance(settled - withdrawn, pending, today);
    }
}
