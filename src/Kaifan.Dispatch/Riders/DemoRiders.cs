using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Riders;

/// <summary>The 12 demo riders: 1–8 in 东区, 9–12 in 西区, a mix of vehicles, ranges, loads and stairs.</summary>
internal sealed class DemoRiders : IDemoSeeder
{
    public int Order => 30;

    /// <summary>(vehicle, battery range km, capacity, accepts stairs) of rider n at index n-1.</summary>
    public static readonly (string Vehicle, double RangeKm, int Capacity, bool Stairs)[] Profiles =
    [
        ("ebike", 40, 5, true),
        ("ebike", 30, 4, false),
        ("scooter", 25, 4, true),
        ("bicycle", 15, 3, true),
        ("ebike", 35, 5, true),
        ("scooter", 20, 3, false),
        ("foot", 5, 2, true),
        ("bicycle", 15, 3, true),
        ("ebike", 30, 4, true),
        ("scooter", 25, 4, true),
        ("bicycle", 15, 3, false),
        ("foot", 4, 2, true),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        if (await db.Riders.AnyAsync(r => r.RiderId == DemoCampus.RiderId(1), ct))
        {
            return;
        }

        for (var n = 1; n <= DemoCampus.RiderCount; n++)
        {
            var (vehicle, range, capacity, stairs) = Profiles[n - 1];
            db.Riders.Add(new RiderProfile
            {
                RiderId = DemoCampus.RiderId(n),
                HomeZoneId = DemoCampus.ZoneId(n <= 8 ? 1 : 2),
                VehicleType = vehicle,
                BatteryRangeKm = range,
                Capacity = capacity,
                AcceptsStairs = stairs,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host of the cluster seeded at the same moment; its rows are the same rows.
            db.ChangeTracker.Clear();
            if (!await db.Riders.AnyAsync(r => r.RiderId == DemoCampus.RiderId(1), ct))
            {
                throw;
            }
        }
    }
}
