using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Payments;

/// <summary>
/// Lets Payments check an amount against the order before it takes any money. Past its deadline an
/// order no longer awaits payment, even before the timeout handler has run.
/// </summary>
internal sealed class OrderPaymentTermsQuery(OrderingDb db, TimeProvider clock) : IOrderPaymentTerms
{
    public async Task<OrderPaymentTerms?> GetAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var first = order.Lines.FirstOrDefault()?.Name ?? "";
        var count = order.Lines.Sum(l => l.Quantity);
        return new OrderPaymentTerms(
            order.Id,
            order.CustomerId,
            order.TotalFen,
            order.Status == OrderStatus.AwaitingPayment && clock.GetUtcNow() < order.PaymentDeadline,
            $"{order.MerchantName} · {first} 等{count}件商品 · ¥{Fen.ToYuan(order.TotalFen)}");
    }
}
