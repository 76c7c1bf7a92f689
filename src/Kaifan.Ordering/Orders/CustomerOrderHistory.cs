using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

internal sealed class CustomerOrderHistory(OrderingDb db) : ICustomerOrderHistory
{
    public Task<bool> HasPaidOrderAsync(Guid customerId, CancellationToken ct) =>
        db.Orders.AnyAsync(o => o.CustomerId == customerId && o.PaidAt != null, ct);

    public Task<bool> HasOrderPaidBeforeAsync(Guid customerId, DateTimeOffset moment, CancellationToken ct) =>
        db.Orders.AnyAsync(o => o.CustomerId == customerId && o.PlacedAt < moment && o.PaidAt != null && o.PaidAt < moment, ct);

    public async Task<Guid?> CustomerOfOrderAsync(Guid orderId, CancellationToken ct) =>
        await db.Orders.Where(o => o.Id == orderId).Select(o => (Guid?)o.CustomerId).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> PaidAtAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct) =>
        await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id) && o.PaidAt != null).ToDictionaryAsync(o => o.Id, o => o.PaidAt!.Value, ct);
}
