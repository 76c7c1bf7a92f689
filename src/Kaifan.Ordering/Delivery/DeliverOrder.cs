using System.Security.Claims;
using System.Security.Cryptography;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>
/// POST /api/rider/orders/{id}/deliver: 送达 at the door or into a locker. A locker delivery draws a 6-digit
/// pickup code that only the customer sees (an order the customer sent to a locker can only end in that locker); the rider's answer and the event never carry it.
/// Delivering an order already delivered answers it as it is (the rider's second tap is no error).
/// </summary>
internal static class DeliverOrder
{
    internal sealed record Request(string? Method, string? Locker);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Method).Must(m => m is "door" or "locker").WithMessage("送达方式须为 door 或 locker (method must be door or locker)");
            RuleFor(r => r.Locker).NotEmpty().When(r => r.Method == "locker").WithMessage("请填写外卖柜 (locker is required for a locker delivery)");
            RuleFor(r => r.Locker).MaximumLength(50).WithMessage("外卖柜名称最多50字 (locker is at most 50 characters)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/rider/orders/{id:guid}/deliver", HandleAsync)
            .RequireAuthorization(Roles.Rider)
            .Validate<Request>()
            .WithTags("Rider orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await RiderOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        // A repeated 送达 (a second tap, a retry after a lost answer) finds the order already delivered by this very
        // rider: what they asked for is done, so it answers the order as it is and publishes nothing again.
        if (order.Status == OrderStatus.Delivered)
        {
            return Results.Ok(OrderView.ForRider(order, protector));
        }

        if (order.LockerId is not null && request.Method != "locker")
        {
            return Problems.Unprocessable("该订单须送入外卖柜并生成取件码 (a locker order must be delivered into its locker)", "method");
        }

        // The customer collects from the locker the order names: food left in another one would never be found.
        if (order.LockerName is { } ordered && request.Method == "locker" && request.Locker!.Trim() != ordered)
        {
            return Problems.Unprocessable($"该订单须送入顾客选择的外卖柜：{ordered} (a locker order must go into the locker the customer chose)", "locker");
        }

        var now = clock.GetUtcNow();
        var method = request.Method == "locker" ? DeliveryMethod.Locker : DeliveryMethod.Door;
        var locker = method == DeliveryMethod.Locker ? request.Locker!.Trim() : null;
        var code = method == DeliveryMethod.Locker ? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6") : null;
        var transition = order.Deliver(method, locker, code, now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await outbox.PublishAsync(new OrderDelivered(order.Id, order.RiderId!.Value, request.Method!, locker, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.ForRider(order, protector));
    }
}
