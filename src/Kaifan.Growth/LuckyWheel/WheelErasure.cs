using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// The customer's spins, allowances, share code and share links opened (both ways) go. Each prize's count of times won
/// stays: it is the wheel's stock, not the person's data. The coupons won are Ordering's to erase.
/// </summary>
internal sealed class WheelErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.WheelSpins.Where(s => s.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.WheelDays.Where(d => d.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.WheelShares.Where(s => s.SharerId == userId || s.FriendId == userId).ExecuteDeleteAsync(ct);
        await db.WheelShareCodes.Where(c => c.CustomerId == userId).ExecuteDeleteAsync(ct);
    }
}
