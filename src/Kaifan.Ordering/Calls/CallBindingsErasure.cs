using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// The call log stays (who called whom about which order, when: a dispute may still need it), but the customer's phone
/// in it becomes the tombstone, and a binding still live stops reaching them at once. A rider's or merchant's phone
/// bound for the customer is not the customer's data and stays.
/// </summary>
internal sealed class CallBindingsErasure(OrderingDb db, IPrivacyNumbers relay, IPersonalDataProtector protector, TimeProvider clock) : IPersonalDataErasure
{
    public Task<string?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reachingThem = await db.CallBindings
            .Where(b => b.CustomerId == userId && b.CalleeParty == CallParties.Customer)
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
