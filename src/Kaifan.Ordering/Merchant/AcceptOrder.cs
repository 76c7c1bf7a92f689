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
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Merchant;

/// <summary>POST /api/merchant/orders/{id}/accept: 接单 with a prep time.</summary>
internal static class AcceptOrder
{
    internal sealed record Request(int PrepMinutes);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.PrepMinutes).InclusiveBetween(1, 120).WithMessage("备餐时间须在1到120分钟之间 (prepMinutes must be 1..120)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/merchant/orders/{id:guid}/accept", HandleAsync)
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
        var transition = order.Accept(request.PrepMinutes, now);
        if (!transition.Done)
        {
            return OrderChanges.Refused(transition);
        }

        await outbox.PublishAsync(new OrderAccepted(order.Id, order.MerchantId, order.ZoneId, request.PrepMinutes, now));
        return await OrderChanges.CommitAsync(outbox, ct) ?? Results.Ok(OrderView.From(order, protector, masked: true));
    }
}
