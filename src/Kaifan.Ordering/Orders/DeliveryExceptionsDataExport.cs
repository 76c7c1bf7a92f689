using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>A 配送异常 the rider reported: which order, what kind, their own note, and how ops resolved it.</summary>
internal sealed record DeliveryExceptionExport(
    Guid OrderId, string Number, string Kind, string? Note, DateTimeOffset? ReportedAt, string? Resolution, DateTimeOffset? ResolvedAt);

/// <summary>
/// The rider's own 配送异常 reports, oldest first (a rider's id is their user id; a customer's list is empty). Only what
/// the rider wrote and the order it was about: the order's contact, address and the customer's id are the customer's.
/// An order keeps its last report only, so that is what a copy can hold.
/// </summary>
internal sealed class DeliveryExceptionsDataExport(OrderingDb db) : IPersonalDataExport
{
    public string Section => "deliveryExceptions";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var reported = await db.Orders.AsNoTracking().Where(o => o.ExceptionRiderId == userId && o.ExceptionKind != null)
            .Select(o => new DeliveryExceptionExport(o.Id, o.Number, o.ExceptionKind!, o.ExceptionNote, o.ExceptionReportedAt, o.ExceptionResolution, o.ExceptionResolvedAt))
            .ToListAsync(ct);
        return reported.OrderBy(e => e.ReportedAt).ThenBy(e => e.Number).ToList();
    }
}
