using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Refunds;

/// <summary>
/// The shop answers a refund request on its board: POST /api/merchant/refund-requests/{id}/approve (同意: Payments
/// refunds the amount) or /reject with a reason the customer reads. Another shop's request is 404; one already
/// answered is 409. Either answer stops the board ringing for it.
/// </summary>
internal static class AnswerRefundRequest
{
    internal sealed record RejectRequest(string? Reason);

    internal sealed class Validator : AbstractValidator<RejectRequest>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写拒绝原因 (reason is required)")
            .MaximumLength(100).WithMessage("原因最多100字 (reason is at most 100 characters)");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/merchant/refund-requests/{id:guid}/approve", ApproveAsync)
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Merchant orders")
            .Produces<RefundRequestView>();
        api.MapPost("/api/merchant/refund-requests/{id:guid}/reject", RejectAsync)
            .RequireAuthorization(Roles.Merchant)
            .Validate<RejectRequest>()
            .WithTags("Merchant orders")
            .Produces<RefundRequestView>();
    }

    private static async Task<IResult> ApproveAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var request = await FindAsync(outbox.DbContext, user, id, ct);
        if (request is null)
        {
            return Problems.NotFound("退款申请");
        }

        if (request.Status != RefundRequestStatus.Pending)
        {
            return Answered();
        }

        if (RefundDecisions.Approve(request, clock.GetUtcNow(), automatically: false) is { } approved)
        {
            await outbox.PublishAsync(approved);
        }

        return await RefundChanges.CommitAsync(outbox, ct) ?? Results.Ok(RefundRequestView.Of(request));
    }

    private static async Task<IResult> RejectAsync(
        Guid id, RejectRequest body, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var request = await FindAsync(outbox.DbContext, user, id, ct);
        if (request is null)
        {
            return Problems.NotFound("退款申请");
        }

        var now = clock.GetUtcNow();
        if (!request.Reject(body.Reason!.Trim(), now))
        {
            return Answered();
        }

        await outbox.PublishAsync(new RefundRequestRejected(request.Id, request.OrderId, request.MerchantId, now));
        return await RefundChanges.CommitAsync(outbox, ct) ?? Results.Ok(RefundRequestView.Of(request));
    }

    private static Task<RefundRequest?> FindAsync(OrderingDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var merchantId = user.MerchantId();
        return db.RefundRequests.SingleOrDefaultAsync(r => r.Id == id && r.MerchantId == merchantId, ct);
    }

    private static IResult Answered() => Problems.Conflict("该退款申请已处理 (the request was already answered)", "status");
}
