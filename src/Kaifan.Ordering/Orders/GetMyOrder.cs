using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// GET /api/orders/{id}: the order page, for its owner only (anyone else gets 404), with 准时宝's outcome once the
/// order is delivered: the compensation coupon is the one row keyed by this order. A delivered order carries its 评价, or
/// CanReview while the 7 days to write one last.
/// </summary>
internal static class GetMyOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/orders/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, OrderingDb db, IPersonalDataProtector protector, IBatchDepartures departures, IPrepTimeEstimates prepTimes,
        TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var compensation = order is { ServiceTier: ServiceTier.Guaranteed, DeliveredAt: not null }
            ? await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.OrderId == order.Id, ct)
            : null;
        var review = order.Status == OrderStatus.Delivered ? await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.OrderId == order.Id, ct) : null;
        return Results.Ok(OrderView.From(order, protector, masked: false) with
        {
            Review = review is null ? null : Reviews.ReviewView.Of(review, withCashback: true),
            CanReview = review is null && order.DeliveredAt + Reviews.Review.Window >= clock.GetUtcNow(),
            GuaranteeOutcome = GuaranteeOutcomeView.Of(order, compensation),
            BatchRun = await BatchRunAsync(order, departures, prepTimes, clock, ct),
            Urge = OrderUrgeView.Of(order, clock.GetUtcNow()),

            // The rider's note is for the staff who act on it; the customer sees the neutral line.
            DeliveryException = OrderExceptionView.Of(order) is { } exception ? exception with { Note = null, RiderId = null } : null,
            Refund = await Refunds.OrderRefunds.ViewAsync(db, order, clock.GetUtcNow(), ct),
        });
    }

    /// <summary>
    /// The run Dispatch holds the order for once accepted; before that, the one checkout would estimate now (the kitchen's
    /// usual minutes from now). A cancelled order names none, nor one whose run has picked it up.
    /// </summary>
    internal static async Task<BatchRunView?> BatchRunAsync(
        Order order, IBatchDepartures departures, IPrepTimeEstimates prepTimes, TimeProvider clock, CancellationToken ct)
    {
        if (order.ServiceTier != ServiceTier.Batch || order.Status == OrderStatus.Cancelled || order.PickedUpAt is not null)
        {
            return null;
        }

        var dropOff = new GeoPoint(order.Latitude, order.Longitude);
        var now = clock.GetUtcNow();
        var run = order is { AcceptedAt: { } accepted, PrepMinutes: { } prep }
            ? await departures.AcceptedRunAsync(order.Id, order.ZoneId, dropOff, order.MerchantId, accepted, prep, ct)
            : await departures.DepartureAsync(order.ZoneId, dropOff, now + (await prepTimes.UsualAsync(order.MerchantId, now, ct)).Duration, ct);
        return run is null ? null : new BatchRunView(run.LineId, run.LineName, run.LeavesAt);
    }
}
