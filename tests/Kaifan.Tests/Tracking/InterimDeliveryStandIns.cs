using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kaifan.Tests.Tracking;

// TODO(after feature/delivery merges): delete this file and use LunchtimeSqliteApp / LunchtimePostgresApp directly.
// Ordering's IOrderTracking and Dispatch's IRiderLocations are built on feature/delivery. Until then these stand-ins
// read the real Ordering tables (statuses up to Ready) and report no rider. They are registered with TryAdd, so
// once the real implementations are in the host they win and these do nothing.

/// <summary>The lunchtime host, plus stand-ins for the two delivery queries only while main lacks them.</summary>
public abstract class TrackingApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.TryAddScoped<IOrderTracking, InterimOrderTracking>();
        services.TryAddSingleton<IRiderLocations, NoRiderLocations>();
    }
}

public sealed class TrackingSqliteApp() : TrackingApp(Provider.Sqlite);

public sealed class TrackingPostgresApp() : TrackingApp(Provider.Postgres);

internal sealed class InterimOrderTracking(OrderingDb db, ICatalogQueries catalog) : IOrderTracking
{
    public async Task<OrderTrackingInfo?> GetForCustomerAsync(Guid orderId, Guid customerId, CancellationToken ct)
    {
        var order = await GetAsync(orderId, ct);
        return order?.CustomerId == customerId ? order : null;
    }

    public async Task<OrderTrackingInfo?> GetAsync(Guid orderId, CancellationToken ct)
    {
        var o = await db.Orders.AsNoTracking().SingleOrDefaultAsync(x => x.Id == orderId, ct);
        if (o is null)
        {
            return null;
        }

        var merchant = await catalog.GetMerchantForOrderingAsync(o.MerchantId, ct);
        return new OrderTrackingInfo(
            o.Id, o.CustomerId, o.MerchantId, o.ZoneId, o.Status.ToString(), merchant?.Location ?? default, new GeoPoint(o.Latitude, o.Longitude),
            o.RiderId, o.PrepMinutes, o.PlacedAt, o.PaidAt, o.AcceptedAt, o.ReadyAt, null, null, null, null, o.CancelledAt);
    }
}

internal sealed class NoRiderLocations : IRiderLocations
{
    public Task<RiderLocation?> GetAsync(Guid riderId, CancellationToken ct) => Task.FromResult<RiderLocation?>(null);
}
