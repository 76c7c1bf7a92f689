using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/ops/refunds/{id}/resubmit (异常退款 · 重新发起退款), operators only: the gateway closed a refund (REFUND.CLOSED),
/// so the same amount is asked again under a new out_refund_no; the closed one stays in 退款记录 as Closed, and the new one
/// answers for it to the rest of Kaifan (FirstId). A conditional UPDATE lets one click of one operator through; the others
/// get 409. Audited as every operator's change is.
/// </summary>
internal static class ResubmitClosedRefund
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/refunds/{id:guid}/resubmit", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Payments")
            .WithSummary("重新发起退款: 已关闭的退款以新的退款单号再退一次 (refund a CLOSED refund again under a new out_refund_no)")
            .Produces<OpsRefundView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<PaymentsDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var closed = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var intent = closed is null ? null : await db.Intents.AsNoTracking().FirstOrDefaultAsync(p => p.Id == closed.PaymentId, ct);
        if (closed is null || intent is null)
        {
            return Problems.NotFound("退款单 (refund)");
        }

        if (closed.Status != RefundStatus.Abnormal || closed.GatewayOutcome != GatewayOutcomes.Closed)
        {
            return Problems.Conflict("只有已被支付渠道关闭 (CLOSED) 的退款可重新发起 (only a CLOSED refund can be refunded again)", "status");
        }

        // The conditional UPDATE is the claim: of parallel clicks the database lets one through, the others change nothing.
        var now = clock.GetUtcNow();
        var operatorId = user.UserId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Refunds
            .Where(r => r.Id == id && r.Status == RefundStatus.Abnormal && r.GatewayOutcome == GatewayOutcomes.Closed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RefundStatus.Closed)
                    .SetProperty(r => r.HandledAt, now)
                    .SetProperty(r => r.HandledBy, operatorId)
                    .SetProperty(r => r.Version, r => r.Version + 1),
                ct);
        if (claimed == 0)
        {
            return Problems.Conflict("另一位运营已重新发起该退款 (another operator refunded it again already)", "status");
        }

        var again = new Refund
        {
            Id = Guid.CreateVersion7(now),
            PaymentId = closed.PaymentId,
            AmountFen = closed.AmountFen,
            Reason = closed.Reason,
            Status = RefundStatus.Pending,
            RequestedAt = now,
            FirstId = closed.FirstId ?? closed.Id,
        };
        db.Refunds.Add(again);
        await outbox.PublishAsync(new SubmitRefund(again.Id, intent.OutTradeNo, again.OutRefundNo, again.AmountFen));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);

        return Results.Created("/api/ops/refunds", await ListRefunds.ViewOfAsync(db, again, now, ct));
    }
}
