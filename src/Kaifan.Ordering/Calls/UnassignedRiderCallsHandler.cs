using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// A rider taken off an order must stop reaching its customer and shop, and stop being reached through it, at once:
/// waiting for the next tap of 联系骑手 would leave the old binding ringing a real phone for up to 30 minutes.
/// </summary>
public static class UnassignedRiderCallsHandler
{
    public static async Task Handle(RiderUnassigned unassigned, OrderingDb db, IPrivacyNumbers relay, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var theirs = await db.CallBindings
            .Where(b => b.OrderId == unassigned.OrderId && b.ExpiresAt > now)
            .Where(b => (b.CalleeParty == CallParties.Rider && b.CalleeId == unassigned.RiderId)
                || (b.CallerParty == CallParties.Rider && b.CreatedAt <= unassigned.At))
            .ToListAsync(ct);
        foreach (var binding in theirs)
        {
            await relay.ReleaseAsync(new RelayNumber(binding.RelayNumber, binding.Extension), ct);
            binding.ExpiresAt = now;
        }

        await db.SaveChangesAsync(ct);
    }
}
