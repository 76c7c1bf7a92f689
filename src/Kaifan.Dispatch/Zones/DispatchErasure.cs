using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// The customer's order values (their rank in the zone) go. Finished jobs stay for riders' and zones' on-time history,
/// which reads times and riders only, so the link to the customer is cleared and the drop-off position (their door)
/// zeroed. Jobs under way are not touched: Ordering refuses the erasure while any order is in progress.
/// </summary>
internal sealed class DispatchErasure(DispatchDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.CustomerOrderValues.Where(v => v.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.Jobs
            .Where(j => j.CustomerId == userId && (j.Status == JobStatus.Delivered || j.Status == JobStatus.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CustomerId, (Guid?)null)
                .SetProperty(j => j.DropOffLatitude, 0d)
                .SetProperty(j => j.DropOffLongitude, 0d), ct);
    }
}
