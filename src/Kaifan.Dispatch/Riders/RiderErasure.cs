using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Wallet;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// A rider's 注销 (ADR 0026), for anyone with a rider profile (a rider's id is their user id). Refused while work or money
/// is still moving: orders in hand, online, a withdrawal 处理中, earnings still 待结算 or a balance they can withdraw.
/// Then the position trail and the customers' ratings go, and the profile row is emptied to a tombstone (id, home zone,
/// ErasedAt) so the station's lists say 已注销. Jobs, earnings and withdrawals stay for on-time history and the books:
/// they hold the rider id only, which names no one once Identity has erased the phone and name.
/// </summary>
internal sealed class RiderErasure(DispatchDb db, IGrainFactory grains, PositionBuffer buffer, WalletSettings wallet, TimeProvider clock) : IPersonalDataErasure
{
    public async Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct)
    {
        if (!await db.Riders.AnyAsync(r => r.RiderId == userId && r.ErasedAt == null, ct))
        {
            return null;
        }

        var inHand = await db.Jobs.CountAsync(j => j.RiderId == userId && j.Status == JobStatus.Assigned, ct);
        if (inHand > 0)
        {
            return new ErasureBlocker("tasks", $"还有{inHand}单配送中，送达或转单后才能注销 ({inHand} orders still in hand)");
        }

        if ((await grains.GetGrain<IRiderGrain>(userId).Snapshot()).Online)
        {
            return new ErasureBlocker("online", "请先下线，下线后才能注销 (go offline first)");
        }

        if (await db.RiderWithdrawals.AnyAsync(w => w.RiderId == userId && w.Status == WithdrawalStatus.Pending, ct))
        {
            return new ErasureBlocker("withdrawals", "有提现处理中，到账或退回后才能注销 (a withdrawal is still being processed)");
        }

        // Money the station owes the rider must reach them first. A remainder below the smallest withdrawal cannot be
        // withdrawn at all, so it does not hold the rider: it stays on the books as owed (ADR 0026).
        var balance = await RiderWallet.BalanceAsync(db, userId, clock.GetUtcNow(), ct);
        if (balance.PendingFen > 0)
        {
            var yuan = Fen.ToYuan(balance.PendingFen);
            return new ErasureBlocker("balance", $"还有¥{yuan}待结算，次日结算并提现后才能注销 (¥{yuan} is still settling: withdraw it once settled tomorrow)");
        }

        if (balance.AvailableFen >= wallet.MinWithdrawalFen)
        {
            var yuan = Fen.ToYuan(balance.AvailableFen);
            return new ErasureBlocker("balance", $"余额¥{yuan}尚未提现，提现后才能注销 (withdraw the ¥{yuan} balance first)");
        }

        return null;
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = (DateTimeOffset?)clock.GetUtcNow();

        // The tombstone first, the trail after: a host may still hold points taken before the rider went offline, and
        // the PositionFlusher deletes what it wrote for a rider it then finds erased. Either it sees ErasedAt, or its
        // points were in before the delete below.
        await db.Riders.Where(r => r.RiderId == userId && r.ErasedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.VehicleType, "")
            .SetProperty(r => r.BatteryRangeKm, 0d)
            .SetProperty(r => r.Capacity, 0)
            .SetProperty(r => r.AcceptsStairs, false)
            .SetProperty(r => r.OnlineZoneId, (Guid?)null)
            .SetProperty(r => r.LastLatitude, 0d)
            .SetProperty(r => r.LastLongitude, 0d)
            .SetProperty(r => r.LastSeenAt, (DateTimeOffset?)null)
            .SetProperty(r => r.ShiftEndsAt, (DateTimeOffset?)null)
            .SetProperty(r => r.Rating, (double?)null)
            .SetProperty(r => r.RatingCount, 0)
            .SetProperty(r => r.ErasedAt, now), ct);

        // An operator's 离职 comes while the rider may be working: a GoOnline that read the profile before the tombstone
        // may still have put the grain online. The grain takes calls one at a time, so after this the rider is offline,
        // and every later GoOnline finds the tombstone and stores nothing.
        await GoOffline.TakeOfflineAsync(userId, grains, buffer);
        await db.RiderPositions.Where(p => p.RiderId == userId).ExecuteDeleteAsync(ct);
        await db.RiderRatings.Where(r => r.RiderId == userId).ExecuteDeleteAsync(ct);
    }
}
