using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>
/// POST /api/ops/orders/{id}/exception/resolve, operators only: closes the order's open 配送异常 with
/// redeliver (before pickup back to dispatch, after it the rider tries again), cancel_and_refund (cancelled with the
/// reason; Payments refunds a paid order and Dispatch frees the rider on OrderCancelled, as for any cancellation) or
/// delivered_anyway (送达 at the door). 409 naming resolution when nothing is open or the order cannot take that step;
/// two operators at once resolve it once (the order's Version token), the other hears 409.
/// </summary>
internal static class ResolveDeliveryException
{
    internal sealed record Request(string? Resolution);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Resolution).Must(r => r is not null && DeliveryExceptionResolutions.ByOperator.Contains(r))
                .WithMessage("处理方式须为 redeliver、cancel_and_refund 或 delivered_anyway (unknown resolution)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/orders/{id:guid}/exception/resolve", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Ops orders")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await outbox.DbContext.Orders.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        var resolution = request.Resolution!;
        var backToDispatch = resolution == DeliveryExceptionResolutions.Redeliver && order.RedeliveryGoesBackToDispatch;
        if (order.ResolveException(resolution, now) is { } refused)
        {
            return Problems.Conflict(refused.Detail, refused.Field);
        }

        var riderId = order.ExceptionRiderId ?? order.RiderId ?? Guid.Empty;
        if (resolution == DeliveryExceptionResolutions.CancelAndRefund)
        {
            await CouponSpending.GiveBackAsync(outbox.DbContext, order.Id, ct);
            await outbox.PublishAsync(new OrderCancelled(order.Id, order.MerchantId, order.CancelReason!, order.RefundDue, now));
        }
        else if (resolution == DeliveryExceptionResolutions.DeliveredAnyway)
        {
            await outbox.PublishAsync(new OrderDelivered(order.Id, riderId, "door", null, now));
        }

        await outbox.PublishAsync(new DeliveryExceptionResolved(order.Id, order.ZoneId, riderId, order.ExceptionKind!, resolution, backToDispatch, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: true));
    }
}
