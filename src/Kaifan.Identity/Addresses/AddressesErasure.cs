using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Addresses;

/// <summary>Saved addresses serve only the person; orders keep their own snapshot, so they can all go.</summary>
internal sealed class AddressesErasure(IdentityDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Addresses.Where(a => a.CustomerId == userId).ExecuteDeleteAsync(ct);
}
