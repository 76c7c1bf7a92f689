using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Earnings;

/// <summary>
/// A delivered order earns its rider one ledger row: base, distance from Dispatch's own job (shop and door as
/// dispatched), bad weather as the zone was flagged at the delivery's moment (however late the event is handled), special
/// care as the job noted it.
/// A repeated event finds the row and adds nothing; two at once meet on the key and the loser's retry finds it.
/// The order number is read first, on Ordering's connection, before this one writes.
/// </summary>
public static class RiderEarningHandler
{
    public static async Task Handle(
        OrderDelivered delivered, DispatchDb db, IOrderDispatchQueries orders, EarningSettings settings, CancellationToken ct)
    {
        if (await db.RiderEarnings.AnyAsync(e => e.OrderId == delivered.OrderId, ct))
        {
            return;
        }

        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == delivered.OrderId, ct);
        if (job is null)
        {
            return;
        }

        var number = (await orders.GetForDispatchAsync(delivered.OrderId, ct))?.Number ?? "";
        var badWeather = await ZoneWeatherChange.WasBadAsync(db, job.ZoneId, delivered.DeliveredAt, ct);
        var metres = (int)Math.Round(new GeoPoint(job.MerchantLatitude, job.MerchantLongitude)
            .DistanceMetresTo(new GeoPoint(job.DropOffLatitude, job.DropOffLongitude)));
        var distanceFen = settings.DistanceFenFor(metres);
        var badWeatherFen = badWeather ? settings.BadWeatherFen : 0;
        var specialCareFen = job.SpecialCare ? settings.SpecialCareFen : 0;

        db.RiderEarnings.Add(new RiderEarning
        {
            OrderId = delivered.OrderId,
            RiderId = delivered.RiderId,
            OrderNumber = number,
            ZoneId = job.ZoneId,
            DeliveredAt = delivered.DeliveredAt,
            DistanceMetres = metres,
            BaseFen = settings.BaseFen,
            DistanceFen = distanceFen,
            BadWeatherFen = badWeatherFen,
            SpecialCareFen = specialCareFen,
            TotalFen = settings.BaseFen + distanceFen + badWeatherFen + specialCareFen,
        });
        await db.SaveChangesAsync(ct);
    }
}
