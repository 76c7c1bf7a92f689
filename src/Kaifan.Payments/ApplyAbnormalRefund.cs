using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/ops/refunds/{id}/abnormal-refund {type: "MERCHANT_BANK_CARD"} (异常退款 · 退至商户账户（线下转交）), operators only:
/// a refund that ended ABNORMAL (the customer's card closed) is paid to the merchant's account, and the station hands it
/// over offline. The gateway confirms with REFUND.SUCCESS, which completes the refund as any other. The refund is claimed
/// first (who, when; its Version token lets one operator through), then the gateway is asked outside our transaction; a
/// refusal releases the claim. Audited as every operator's change is. USER_BANK_CARD needs the customer's bank details,
/// which Kaifan does not collect: 422.
/// </summary>
internal static class ApplyAbnormalRefund
{
    internal sealed record Request(string? Type);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/refunds/{id:guid}/abnormal-refund", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Payments")
            .WithSummary("发起异常退款: 退至商户账户，线下转交 (pay an ABNORMAL refund to the merchant's account for hand-over)")
            .Produces<OpsRefundView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

    private static async Task<IResult> HandleAsync(
        Guid id, Request? request, ClaimsPrincipal user, PaymentsDb db, SandboxGateway gateway, NotificationVerifier verifier, TimeProvider clock, CancellationToken ct)
    {
        if (request?.Type is not { Length: > 0 } type || type is not (AbnormalRefundTypes.MerchantBankCard or AbnormalRefundTypes.UserBankCard))
        {
            return Problems.Validation("type", "退款方式应为 MERCHANT_BANK_CARD (type must be MERCHANT_BANK_CARD)");
        }

        if (type == AbnormalRefundTypes.UserBankCard)
        {
            return Problems.Unprocessable("退至用户银行卡需要顾客的银行卡信息，平台不收集；请退至商户账户后线下转交 (Kaifan holds no bank details)", "type");
        }

        var refund = await db.Refunds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (refund is null)
        {
            return Problems.NotFound("退款单 (refund)");
        }

        if (refund.Status != RefundStatus.Abnormal || refund.GatewayOutcome != GatewayOutcomes.Abnormal || refund.GatewayRefundId is null)
        {
            return Problems.Conflict("只有退款异常 (ABNORMAL) 的退款可退至商户账户 (only an ABNORMAL refund can be paid to the merchant's account)", "status");
        }

        if (refund.HandledAt is not null && !MayTryAgain(refund, clock.GetUtcNow()))
        {
            return Problems.Conflict("该退款已发起异常退款 (this refund's 异常退款 was made already)", "status");
        }

        refund.HandledAt = clock.GetUtcNow();
        refund.HandledBy = user.UserId();
        refund.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("另一位运营已处理该退款 (another operator handled this refund)", "status");
        }

        SignedAnswer answer;
        try
        {
            answer = await gateway.ApplyAbnormalRefundAsync(refund.GatewayRefundId, refund.OutRefundNo, type, ct);
        }
        catch (Exception)
        {
            // Unasked, the money is still owed: the claim goes back so someone can press again (the gateway refuses a
            // second ask of a refund it already paid, so an ask that did land costs nothing).
            await ReleaseAsync(db, refund);
            throw;
        }

        if (verifier.IsAuthentic(answer) && answer.Status == StatusCodes.Status200OK)
        {
            return Results.Accepted("/api/ops/refunds", await ListRefunds.ViewOfAsync(db, refund, clock.GetUtcNow(), ct));
        }

        await ReleaseAsync(db, refund);
        return Results.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "Bad gateway",
            detail: $"微信支付未受理异常退款 (the gateway refused): {Message(answer)}");
    }

    /// <summary>
    /// A 异常退款 made and still unpaid after <see cref="ListRefunds.AnswerExpectedWithin"/> may be made again: a crash between
    /// the claim and the gateway's answer, or a payout the merchant's bank also returned, must not hide the button for good.
    /// </summary>
    public static bool MayTryAgain(Refund refund, DateTimeOffset now) =>
        refund is { Status: RefundStatus.Abnormal, GatewayOutcome: GatewayOutcomes.Abnormal, HandledAt: { } handled } && now - handled > ListRefunds.AnswerExpectedWithin;

    private static async Task ReleaseAsync(PaymentsDb db, Refund refund)
    {
        refund.HandledAt = null;
        refund.HandledBy = null;
        refund.Version++;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Message(SignedAnswer answer) => answer.Read<WechatError>()?.Message ?? $"HTTP {answer.Status}";
}
