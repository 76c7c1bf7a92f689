using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Refunds;

/// <summary>
/// POST /api/orders/{id}/refund-requests: 申请退款 within 24 hours of delivery, for the whole order or chosen lines;
/// the amount is worked out here, never taken from the client. 201 with the request; 400 for a bad form, 422 for lines
/// the order cannot refund, 409 outside the window or while another request is open; someone else's order is 404.
/// </summary>
internal static class RequestRefund
{
    internal sealed record LineRequest(int Line, int Quantity);

    internal sealed record Request(bool WholeOrder, IReadOnlyList<LineRequest>? Lines, string? Reason, string? Note);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotEmpty().WithMessage("请选择退款原因 (reason is required)")
                .Must(r => r is null || RefundReasons.All.ContainsKey(r)).WithMessage("退款原因不在列表中 (reason is one of missing, spilled, quality, wrong, other)");
            RuleFor(r => r.Note).MaximumLength(200).WithMessage("补充说明最多200字 (note is at most 200 characters)");
            RuleFor(r => r.Lines).NotEmpty().When(r => !r.WholeOrder).WithMessage("请选择要退款的商品 (choose lines, or the whole order)");
            RuleForEach(r => r.Lines).ChildRules(line =>
                line.RuleFor(l => l.Quantity).GreaterThan(0).WithMessage("数量至少为1 (quantity is at least 1)"));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/refund-requests", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Ordering")
            .Produces<RefundRequestView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        if (!order.RefundableAt(now))
        {
            return Problems.Conflict("仅可在送达后24小时内申请退款 (refunds can be asked for within 24 hours after delivery)", "order");
        }

        var earlier = await db.RefundRequests.Where(r => r.OrderId == order.Id).ToListAsync(ct);
        if (earlier.Any(r => r.Status == RefundRequestStatus.Pending))
        {
            return Problems.Conflict("已有退款申请正在处理 (a refund request for this order is still open)", "refundRequest");
        }

        var asks = (request.Lines ?? []).Select(l => new RefundAsk(l.Line, l.Quantity)).ToList();
        var (lines, amount, refused) = RefundAmounts.Price(order, earlier, request.WholeOrder, asks);
        if (refused is { } why)
        {
            return Problems.Unprocessable(why.Detail, why.Field);
        }

        var refund = new RefundRequest
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            CustomerId = customerId,
            MerchantId = order.MerchantId,
            WholeOrder = request.WholeOrder,
            Lines = lines,
            Reason = request.Reason!,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            AmountFen = amount,
            RequestedAt = now,
            AutoApproveAt = now + RefundRequest.AnswerWindow,
        };
        db.RefundRequests.Add(refund);
        order.ClaimRefund();
        await outbox.PublishAsync(new RefundRequested(refund.Id, order.Id, customerId, order.MerchantId, amount, refund.WholeOrder, refund.Reason, now));
        await outbox.ScheduleAsync(new RefundAnswerDue(refund.Id), RefundRequest.AnswerWindow);

        return await RefundChanges.CommitAsync(outbox, ct)
            ?? Results.Json(RefundRequestView.Of(refund), statusCode: StatusCodes.Status201Created);
    }
}
