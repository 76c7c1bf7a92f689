using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

internal sealed record CouponExport(
    Guid Id, long AmountFen, long MinSpendFen, string Reason, Guid? CompensatesOrderId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    string Status, Guid? UsedByOrderId, DateTimeOffset? UsedAt, DateTimeOffset? WithdrawnAt);

/// <summary>The coupons the customer holds or held, with what happened to each.</summary>
internal sealed class CouponsDataExport(OrderingDb db, TimeProvider clock) : IPersonalDataExport
{
    public string Section => "coupons";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var coupons = await db.Coupons.AsNoTracking().Where(c => c.CustomerId == userId && !c.GrantPending).ToListAsync(ct);
        return coupons
            .OrderBy(c => c.IssuedAt)
            .ThenBy(c => c.Id)
            .Select(c => new CouponExport(
                c.Id, c.AmountFen, c.MinSpendFen, c.Reason, c.OrderId, c.IssuedAt, c.ExpiresAt, c.Status(now), c.UsedByOrderId, c.UsedAt, c.WithdrawnAt))
            .ToList();
    }
}
