using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Zones;

/// <summary>An order's value as Dispatch counts it to rank a zone's customers (the top fifth are dispatched first).</summary>
internal sealed record OrderValueExport(Guid OrderId, Guid ZoneId, long TotalFen, DateTimeOffset PlacedAt);

/// <summary>Where a rider was sent for the customer's order: the drop-off position and the needs noted for the rider.</summary>
internal sealed record DeliveryJobExport(
    Guid OrderId, Guid ZoneId, double DropOffLatitude, double DropOffLongitude, bool StairsNoLift, bool SpecialCare, string Status,
    DateTimeOffset? PlacedAt, DateTimeOffset? AssignedAt);

internal sealed record DispatchExport(IReadOnlyList<OrderValueExport> OrderValues, IReadOnlyList<DeliveryJobExport> DeliveryJobs);

/// <summary>What Dispatch keeps keyed by the customer; the rider's identity is the rider's data, not theirs, so it stays out.</summary>
internal sealed class DispatchDataExport(DispatchDb db) : IPersonalDataExport
{
    public string Section => "dispatch";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var values = await db.CustomerOrderValues.AsNoTracking().Where(v => v.CustomerId == userId).ToListAsync(ct);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.CustomerId == userId).ToListAsync(ct);
        return new DispatchExport(
            values.OrderBy(v => v.PlacedAt).Select(v => new OrderValueExport(v.OrderId, v.ZoneId, v.TotalFen, v.PlacedAt)).ToList(),
            jobs.OrderBy(j => j.PlacedAt).Select(j => new DeliveryJobExport(
                j.OrderId, j.ZoneId, j.DropOffLatitude, j.DropOffLongitude, j.StairsNoLift, j.SpecialCare, j.Status.ToString(), j.PlacedAt,
                j.AssignedAt)).ToList());
    }
}
