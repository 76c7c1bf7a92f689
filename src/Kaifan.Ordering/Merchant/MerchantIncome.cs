using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Refunds;

namespace Kaifan.Ordering.Merchant;

/// <summary>
/// 预计收入: what an order earns the shop. The dishes and packaging, less the shop's own 满减 and 新客立减, which the
/// shop pays for; platform coupons, the delivery fee and the service fee are the platform's, so they change nothing
/// here. A refunded line takes back its dishes at the shop's discounted price, whatever the coupon made the customer
/// pay for it; a whole-order refund takes back everything. Refunds count once approved; 晒图返现 is a campaign's cost,
/// not the shop's sales.
/// </summary>
internal static class MerchantIncome
{
    public static long Of(Order order, IEnumerable<RefundRequest> requests)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            return 0;
        }

        var settled = requests
            .Where(r => !r.IsCashback && r.Status is RefundRequestStatus.Approved or RefundRequestStatus.Refunded)
            .ToList();
        if (settled.Any(r => r.WholeOrder))
        {
            return 0;
        }

        var income = order.ItemsTotalFen - Math.Min(order.ShopDiscountFen, order.ItemsTotalFen) + order.PackagingFeeFen;
        var refunded = settled.SelectMany(r => r.Lines).Sum(l => RefundAmounts.AfterDiscount(order, l.Line, l.Quantity, order.ShopDiscountFen));
        return Math.Max(0, income - refunded);
    }
}
