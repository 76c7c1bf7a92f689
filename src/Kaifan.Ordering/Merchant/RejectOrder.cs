using System.Security.Claims;
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
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Merchant;

/// <summary>POST /api/merchant/orders/{id}/reject: 拒单 with a reason; the paid customer is refunded and a spent coupon given back.</summary>
internal static class RejectOrder
{
    internal sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写拒单原因 (reason is required)")
            .MaximumLength(100).WithMessage("原因最多100字 (reason is at most 100 characters)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/merchant/orders/{id:guid}/reject", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Merchant orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var order = await MerchantOrderLookup.FindAsync(outbox.DbContext, user, id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        var transition = order.Reject(reason, now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await CouponSpending.GiveBackAsync(outbox.DbContext, order.Id, ct);
        await outbox.PublishAsync(new OrderCancelled(order.Id, order.MerchantId, reason, RefundDue: true, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: true));
    }
}
