using Kaifan.Contracts;
using Kaifan.Contracts.Notices;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// A rider who withdraws location consent is sharing their position only because they are online: they go offline at
/// once, as with 下线 (orders already taken stay theirs). A rider's id is their user id.
/// </summary>
internal sealed class LocationConsentWithdrawn(DispatchDb db, IGrainFactory grains, PositionBuffer buffer) : IConsentWithdrawals
{
    public async Task WithdrawnAsync(Guid userId, string purpose, CancellationToken ct)
    {
        if (purpose == ConsentPurposes.Location && await db.Riders.AnyAsync(r => r.RiderId == userId, ct))
        {
            await GoOffline.TakeOfflineAsync(userId, grains, buffer);
        }
    }
}
