using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Refunds;

/// <summary>Reads an order's refund requests for the views that show them beside the order.</summary>
internal static class OrderRefunds
{
    public static async Task<OrderRefundView?> ViewAsync(OrderingDb db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Delivered)
        {
            return null;
        }

        var requests = await db.RefundRequests.AsNoTracking().Where(r => r.OrderId == order.Id).ToListAsync(ct);
        var latest = LatestAsked(requests);
        var refundable = RefundAmounts.Remaining(order, requests);
        var canRequest = order.RefundableAt(now) && refundable > 0 && latest?.Status != RefundRequestStatus.Pending;
        return new OrderRefundView(
            latest is null ? null : RefundRequestView.Of(latest),
            canRequest,
            order.DeliveredAt + RefundRequest.ApplyWindow,
            requests.Where(r => r.Status == RefundRequestStatus.Refunded).Sum(r => r.AmountFen),
            refundable);
    }

    /// <summary>Each listed order's latest request, for the order list and the board.</summary>
    public static async Task<Dictionary<Guid, RefundRequest>> LatestAsync(OrderingDb db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        var requests = await db.RefundRequests.AsNoTracking().Where(r => orderIds.Contains(r.OrderId) && r.Reason != RefundReasons.Cashback).ToListAsync(ct);
        return requests.GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => Latest(g)!);
    }

    /// <summary>The customer's latest request among all of an order's, 晒图返现 left out.</summary>
    public static RefundRequest? LatestAsked(IEnumerable<RefundRequest> requests) => Latest(requests.Where(r => !r.IsCashback));

    /// <summary>
    /// The newest request; at one instant (a stopped clock) the open one, since it can only follow the others, then the
    /// last answered.
    /// </summary>
    private static RefundRequest? Latest(IEnumerable<RefundRequest> requests) => requests
        .OrderByDescending(r => r.RequestedAt)
        .ThenByDescending(r => r.Status is RefundRequestStatus.Pending or RefundRequestStatus.Approved)
        .ThenByDescending(r => r.DecidedAt)
        .FirstOrDefault();

    /// <summary>The order list's word for it: 退款中 while a request is open or approved (退款异常 while its money is stuck), 已退款 once money came back.</summary>
    public static string? ListStatus(RefundRequest? latest) => latest?.Status switch
    {
        RefundRequestStatus.Approved when latest.RefundAbnormal => "abnormal",
        RefundRequestStatus.Pending or RefundRequestStatus.Approved => "refunding",
        RefundRequestStatus.Refunded => "refunded",
        _ => null,
    };
}
