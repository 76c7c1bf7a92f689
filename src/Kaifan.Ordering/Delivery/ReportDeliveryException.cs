using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>
/// POST /api/rider/orders/{id}/exceptions: the order's rider reports a 配送异常 (kind, optional note ≤ 100). 400 for an
/// unknown kind or a long note, 404 for an order not theirs, 409 naming kind when it does not fit the order's stage or
/// one is already open. The operators hear of it at once; a durable reminder raises it again after 10 minutes.
/// </summary>
internal static class ReportDeliveryException
{
    internal sealed record Request(string? Kind, string? Note);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).Must(Order.IsKind)
                .WithMessage("异常类型须为 pickup_failed、customer_unreachable、customer_refused 或 road_blocked (unknown kind)");
            RuleFor(r => r.Note).MaximumLength(100).WithMessage("说明最多100字 (note is at most 100 characters)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/rider/orders/{id:guid}/exceptions", HandleAsync)
            .RequireAuthorization(Roles.Rider)
            .Validate<Request>()
            .WithTags("Rider orders")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await RiderOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        if (order.ReportException(request.Kind!, request.Note, now) is { } refused)
        {
            return Problems.Conflict(refused.Detail, refused.Field);
        }

        await outbox.PublishAsync(new DeliveryExceptionReported(order.Id, order.ZoneId, order.RiderId!.Value, order.ExceptionKind!, now));
        await outbox.ScheduleAsync(new DeliveryExceptionReminder(order.Id, order.ExceptionCount), Order.ExceptionReminderAfter);
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.ForRider(order, protector));
    }
}
