using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// The call log stays (who called whom about which order, when: a dispute may still need it), but the erased person's
/// phone in it becomes the tombstone, and a binding still live stops reaching them at once: the customer's phone when a
/// customer erases, the rider's own when a rider does (a rider's id is their user id). Anyone else's phone in the same
/// bindings is not the erased person's data and stays.
/// </summary>
internal sealed class CallBindingsErasure(OrderingDb db, IPrivacyNumbers relay, IPersonalDataProtector protector, TimeProvider clock) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reachingThem = await db.CallBindings
            .Where(b => (b.CustomerId == userId && b.CalleeParty == CallParties.Customer) || (b.CalleeId == userId && b.CalleeParty == CallParties.Rider))
            .ToListAsync(ct);
        var tombstone = protector.Protect(OrdersErasure.Tombstone);
        foreach (var binding in reachingThem)
        {
            if (binding.ExpiresAt > now)
            {
                await relay.ReleaseAsync(new RelayNumber(binding.RelayNumber, binding.Extension), ct);
                binding.ExpiresAt = now;
            }

            binding.CalleePhoneProtected = tombstone;
        }

        await db.SaveChangesAsync(ct);
    }
}
