using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// Tells an order's zone to let go of it, then records the job's new state. Its own scope and no handler transaction:
/// SQLite's transactions take the write lock when they begin, and the zone grain writes on its own connection while
/// the caller waits for it.
/// </summary>
internal static class ZoneRelease
{
    public static async Task ReleaseAsync(
        IServiceScopeFactory scopes, IGrainFactory grains, Guid orderId, Expression<Func<DispatchJob, bool>> which,
        Func<IQueryable<DispatchJob>, Task> record, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.Where(j => j.OrderId == orderId);
        var zoneId = await jobs.Where(which).Select(j => (Guid?)j.ZoneId).SingleOrDefaultAsync(ct);
        if (zoneId is null)
        {
            return;
        }

        await grains.GetGrain<IZoneGrain>(zoneId.Value).Finish(orderId);
        await record(jobs);
    }
}
