using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// Orders stay for the books (items, amounts, fees, times, statuses); the delivery contact, phone, address detail and
/// note (and a rider's 配送异常 note about the delivery) become 已注销, and the drop-off point is rounded to 0.01° (about a kilometre): enough for a zone's statistics,
/// no longer a door. The tombstone is encrypted like any value, so every screen that decrypts an order still works.
/// A refund request's note becomes 已注销 too. Unspent coupons go (nobody is left to spend them); a spent one is part of an order's discount and stays.
/// </summary>
internal sealed class OrdersErasure(OrderingDb db, IPersonalDataProtector protector) : IPersonalDataErasure
{
    public const string Tombstone = "已注销";

    public async Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == userId && o.Status != OrderStatus.Delivered && o.Status != OrderStatus.Cancelled)
            .Select(o => o.Number)
            .FirstOrDefaultAsync(ct);
        return open is null ? null : new ErasureBlocker("orders", $"订单 {open} 尚未完成，送达或取消后才能注销 (order {open} is still in progress)");
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var tombstone = protector.Protect(Tombstone);
        await db.Orders.Where(o => o.CustomerId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.ContactNameProtected, tombstone)
            .SetProperty(o => o.PhoneProtected, tombstone)
            .SetProperty(o => o.AddressDetailProtected, tombstone)
            .SetProperty(o => o.Note, o => o.Note == null ? null : Tombstone)
            .SetProperty(o => o.ExceptionNote, o => o.ExceptionNote == null ? null : Tombstone), ct);

        // Rounded here, not in SQL: PostgreSQL has no round() for double precision.
        var points = await db.Orders.Where(o => o.CustomerId == userId).Select(o => new { o.Id, o.Latitude, o.Longitude }).ToListAsync(ct);
        foreach (var point in points)
        {
            var (latitude, longitude) = (Math.Round(point.Latitude, 2), Math.Round(point.Longitude, 2));
            await db.Orders.Where(o => o.Id == point.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Latitude, latitude).SetProperty(o => o.Longitude, longitude), ct);
        }
        await db.Coupons.Where(c => c.CustomerId == userId && !c.Used).ExecuteDeleteAsync(ct);

        // A refund request stays for the books; only the customer's own words go.
        await db.RefundRequests.Where(r => r.CustomerId == userId && r.Note != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, Tombstone), ct);

        // Replayable responses of placed orders carry the delivery contact too.
        await db.IdempotencyRecords.Where(r => r.CustomerId == userId).ExecuteDeleteAsync(ct);
    }
}
