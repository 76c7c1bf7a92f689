using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Earnings;
using Kaifan.Dispatch.Wallet;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

/// <summary>我的装备 and the customers' 配送 stars as they stand.</summary>
internal sealed record RiderGearExport(Guid HomeZoneId, string VehicleType, double BatteryRangeKm, int Capacity, bool AcceptsStairs, double? Rating, int RatingCount);

/// <summary>The shift as stored: the zone online in (null: offline), the 下班时间 given, and where and when last seen.</summary>
internal sealed record RiderShiftExport(Guid? OnlineZoneId, DateTimeOffset? ShiftEndsAt, double LastLatitude, double LastLongitude, DateTimeOffset? LastSeenAt);

internal sealed record RiderPositionExport(double Latitude, double Longitude, DateTimeOffset At);

/// <summary>A job the rider carried: which order, shop and zone, its state and times; nothing of the customer's (no door, no needs).</summary>
internal sealed record RiderJobExport(Guid OrderId, string? OrderNumber, Guid ZoneId, Guid MerchantId, string Status, DateTimeOffset? AssignedAt, DateTimeOffset? DeliveredAt);

internal sealed record RiderRatingExport(int Stars, DateTimeOffset At);

/// <summary>Positions: the whole trail as kept (PositionsKeptDays, and the newest point however old), oldest first.</summary>
internal sealed record RiderExport(
    RiderGearExport Gear, RiderShiftExport Shift, double PositionsKeptDays, IReadOnlyList<RiderPositionExport> Positions, IReadOnlyList<RiderJobExport> Jobs,
    IReadOnlyList<EarningEntryView> Earnings, IReadOnlyList<WithdrawalView> Withdrawals, IReadOnlyList<RiderRatingExport> Ratings);

/// <summary>
/// The "rider" section of a rider's data copy: everything Dispatch keeps keyed by the rider (a rider's id is their user
/// id), null for anyone who is not a rider. The position trail comes whole: PositionRetention keeps it to 30 days, about
/// 170,000 points (some 25 MB of the file) for a rider working every day (ADR 0026). A rating comes without its review,
/// which is the customer's.
/// </summary>
internal sealed class RiderDataExport(DispatchDb db, DispatchOptions options) : IPersonalDataExport
{
    public string Section => "rider";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var rider = await db.Riders.AsNoTracking().SingleOrDefaultAsync(r => r.RiderId == userId, ct);
        if (rider is null)
        {
            return null;
        }

        var positions = await db.RiderPositions.AsNoTracking().Where(p => p.RiderId == userId).OrderBy(p => p.At).ThenBy(p => p.Id)
            .Select(p => new RiderPositionExport(p.Latitude, p.Longitude, p.At)).ToListAsync(ct);
        var earnings = (await db.RiderEarnings.AsNoTracking().Where(e => e.RiderId == userId).ToListAsync(ct)).OrderBy(e => e.DeliveredAt).ToList();
        var delivered = earnings.ToDictionary(e => e.OrderId);
        var jobs = (await db.Jobs.AsNoTracking().Where(j => j.RiderId == userId).ToListAsync(ct))
            .OrderBy(j => j.AssignedAt)
            .Select(j => new RiderJobExport(
                j.OrderId, delivered.GetValueOrDefault(j.OrderId)?.OrderNumber, j.ZoneId, j.MerchantId, j.Status.ToString(), j.AssignedAt,
                delivered.GetValueOrDefault(j.OrderId)?.DeliveredAt))
            .ToList();
        var withdrawals = (await db.RiderWithdrawals.AsNoTracking().Where(w => w.RiderId == userId).ToListAsync(ct)).OrderBy(w => w.RequestedAt);
        var ratings = (await db.RiderRatings.AsNoTracking().Where(r => r.RiderId == userId).ToListAsync(ct)).OrderBy(r => r.At);
        return new RiderExport(
            new RiderGearExport(rider.HomeZoneId, rider.VehicleType, rider.BatteryRangeKm, rider.Capacity, rider.AcceptsStairs, rider.Rating, rider.RatingCount),
            new RiderShiftExport(rider.OnlineZoneId, rider.ShiftEndsAt, rider.LastLatitude, rider.LastLongitude, rider.LastSeenAt),
            options.PositionRetention.TotalDays,
            positions,
            jobs,
            earnings.Select(e => new EarningEntryView(
                e.OrderId, e.OrderNumber, e.DeliveredAt, e.DistanceMetres, e.BaseFen, e.DistanceFen, e.BadWeatherFen, e.SpecialCareFen, e.TotalFen)).ToList(),
            withdrawals.Select(WithdrawalView.Of).ToList(),
            ratings.Select(r => new RiderRatingExport(r.Stars, r.At)).ToList());
    }
}
