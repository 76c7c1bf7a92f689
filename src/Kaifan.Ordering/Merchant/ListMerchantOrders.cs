using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Placement;
using Kaifan.Ordering.Refunds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Merchant;

/// <summary>
/// GET /api/merchant/orders?status=&amp;limit=500: today's paid orders of the merchant (Shanghai day), customer data masked; a batch
/// order names its run, as the customer's page does, so the kitchen knows when it leaves; an order
/// with an open refund request is listed whatever its day, with the request. A 拼团 order shows only once its group
/// formed (marked with its group), never while 待成团 nor after its group failed. Each order says what it earns the shop
/// (MerchantIncome). The Kaifan-More header says whether more of today's orders match than limit; the orders with an open
/// refund request come on top of those.
/// </summary>
internal static class ListMerchantOrders
{
    public const int DefaultLimit = 500;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/merchant/orders", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Merchant orders")
            .Produces<List<OrderView>>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        string? status, int? limit, HttpResponse response, ClaimsPrincipal user, OrderingDb db, IPersonalDataProtector protector, IBatchDepartures departures,
        IPrepTimeEstimates prepTimes, TimeProvider clock, CancellationToken ct)
    {
        if (!OrderStatusFilter.TryParse(status, out var wanted))
        {
            return OrderStatusFilter.Problem();
        }

        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var merchantId = user.MerchantId();
        var since = ChinaTime.StartOfDay(clock.GetUtcNow());
        var query = db.Orders.AsNoTracking()
            .Where(o => o.MerchantId == merchantId && o.Status != OrderStatus.AwaitingPayment)

            // A pre-sale order placed days ago belongs to the day it was released on.
            .Where(o => o.PlacedAt >= since || o.PresaleReleasedAt >= since)
            .Where(o => o.GroupBuyId == null || o.GroupFormedAt != null)
            .Where(o => o.PresaleId == null || o.PresaleReleasedAt != null);
        if (wanted is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        var (orders, more) = await query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        response.AnswerMore(more);

        // A refund request may come up to a day after delivery: its order stays on the board until answered.
        var listed = orders.Select(o => o.Id).ToHashSet();
        var asking = await db.RefundRequests.AsNoTracking()
            .Where(r => r.MerchantId == merchantId && r.Status == RefundRequestStatus.Pending).Select(r => r.OrderId).ToListAsync(ct);
        var older = asking.Where(id => !listed.Contains(id)).ToList();
        var earlierDays = older.Count > 0 && wanted is null or OrderStatus.Delivered
            ? await db.Orders.AsNoTracking().Where(o => older.Contains(o.Id)).ToListAsync(ct)
            : [];
        orders.AddRange(earlierDays);

        var ids = orders.Select(o => o.Id).ToList();
        var refunds = (await db.RefundRequests.AsNoTracking().Where(r => ids.Contains(r.OrderId)).ToListAsync(ct)).ToLookup(r => r.OrderId);
        var firstOrders = await FirstOrdersOfNewCustomersAsync(db, orders, ct);
        var views = new List<OrderView>(orders.Count);
        foreach (var order in orders)
        {
            var view = OrderView.From(order, protector, masked: true) with
            {
                Refund = MerchantRefund(OrderRefunds.LatestAsked(refunds[order.Id])),
                NewCustomer = firstOrders.Contains(order.Id),
                MerchantIncomeFen = MerchantIncome.Of(order, refunds[order.Id]),
                Today = !earlierDays.Contains(order),
            };
            views.Add(order.ServiceTier == ServiceTier.Batch ? view with { BatchRun = await GetMyOrder.BatchRunAsync(order, departures, prepTimes, clock, ct) } : view);
        }

        return Results.Ok(views);
    }

    /// <summary>
    /// 门店新客, by the rule 新客立减 uses (NewCustomers.Stands): a listed order that stands with no standing order of its
    /// customer at this shop placed before it.
    /// </summary>
    private static async Task<HashSet<Guid>> FirstOrdersOfNewCustomersAsync(OrderingDb db, List<Order> listed, CancellationToken ct)
    {
        var ids = listed.Select(o => o.Id).ToList();
        var standing = db.Orders.Where(NewCustomers.Stands);
        return (await standing.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Where(o => !standing.Any(p => p.CustomerId == o.CustomerId && p.MerchantId == o.MerchantId && p.PlacedAt < o.PlacedAt))
            .Select(o => o.Id)
            .ToListAsync(ct)).ToHashSet();
    }

    private static OrderRefundView? MerchantRefund(RefundRequest? latest) =>
        latest is null ? null : new OrderRefundView(RefundRequestView.Of(latest), false, null, latest.Status == RefundRequestStatus.Refunded ? latest.AmountFen : 0, 0);
}
