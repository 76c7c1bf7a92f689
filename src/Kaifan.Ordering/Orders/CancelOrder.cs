using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Coupons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>POST /api/orders/{id}/cancel: the customer cancels before the merchant accepts; a paid order is refunded, a spent coupon given back.</summary>
internal static class CancelOrder
{
    internal sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(100).WithMessage("原因最多100字 (reason is at most 100 characters)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/cancel", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Ordering")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var order = await outbox.DbContext.Orders.SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "用户取消" : request.Reason.Trim();
        var transition = order.CancelByCustomer(reason, now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await CouponSpending.GiveBackAsync(outbox.DbContext, order.Id, ct);
        await outbox.PublishAsync(new OrderCancelled(order.Id, order.MerchantId, reason, order.RefundDue, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: false));
    }
}
