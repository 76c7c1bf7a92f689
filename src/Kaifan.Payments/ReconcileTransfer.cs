using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// What one query found: the transfer as it stands after it, and the gateway's state (null: not asked, the transfer was
/// settled already; NOT_FOUND: it has no such bill; UNVERIFIED: its answer did not verify or could not be read).
/// MismatchField names what the gateway's bill disagrees on, if anything.
/// </summary>
internal sealed record Reconciled(RiderTransfer Transfer, string? GatewayState, string? MismatchField = null)
{
    public const string Unverified = "UNVERIFIED";
    public const string NotFound = "NOT_FOUND";
}

/// <summary>
/// Asks the gateway how a pending transfer stands (商户单号查询转账单) and settles it as its callback would have, through
/// <see cref="TransferSettlement"/>. A bill the gateway has never heard of fails once its last submission is older than
/// <see cref="ReconciliationSettings.UnknownFailsAfter"/>, long after that submission's last retry; before that, or while
/// it was never submitted, the submission may still be on its way. The gateway is asked outside any transaction of ours.
/// </summary>
internal sealed class TransferReconciler(
    IServiceScopeFactory scopes,
    SandboxGateway gateway,
    NotificationVerifier verifier,
    WechatPayPlatform platform,
    ReconciliationSettings settings,
    TimeProvider clock,
    ILogger<TransferReconciler> log)
{
    /// <summary>Null when there is no such transfer.</summary>
    public async Task<Reconciled?> ReconcileAsync(Guid transferId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<PaymentsDb>>();
        var transfer = await outbox.DbContext.RiderTransfers.FirstOrDefaultAsync(t => t.Id == transferId, ct);
        if (transfer is null)
        {
            return null;
        }

        if (transfer.Status != TransferStatus.Pending)
        {
            return new Reconciled(transfer, null);
        }

        var answer = await gateway.QueryTransferBillAsync(transfer.OutBillNo, ct);
        if (!verifier.IsAuthentic(answer))
        {
            log.LogError("The gateway's answer about transfer {TransferId} does not verify; it stays pending", transfer.Id);
            return new Reconciled(transfer, Reconciled.Unverified);
        }

        var now = clock.GetUtcNow();
        if (answer.Status == StatusCodes.Status404NotFound && answer.Read<WechatError>()?.Code == Reconciled.NotFound)
        {
            if (transfer.SubmittedAt is not { } submittedAt || now - submittedAt < settings.UnknownFailsAfter)
            {
                return new Reconciled(transfer, Reconciled.NotFound);
            }

            if (await TransferSettlement.SettleAsync(outbox, transfer, TransferStatus.Failed, null, Reconciled.NotFound, now, log, ct))
            {
                log.LogWarning("Transfer {TransferId} is unknown to the gateway {Age} after it was submitted: failed, its money back in the balance", transfer.Id, now - submittedAt);
            }

            return await AfterAsync(outbox, transfer, Reconciled.NotFound, ct);
        }

        if (answer.Status != StatusCodes.Status200OK || answer.Read<WechatTransferBill>() is not { } bill)
        {
            log.LogError("The gateway answered {Status} to a query about transfer {TransferId}; it stays pending", answer.Status, transfer.Id);
            return new Reconciled(transfer, Reconciled.Unverified);
        }

        if (TransferSettlement.Mismatch(transfer, bill, platform.MchId) is { } mismatch)
        {
            log.LogError("The gateway's bill for transfer {TransferId} disagrees on {Field}; it stays pending", transfer.Id, mismatch.Field);
            return new Reconciled(transfer, bill.State, mismatch.Field);
        }

        if (!TransferSettlement.IsFinal(bill.State))
        {
            return new Reconciled(transfer, bill.State);
        }

        await TransferSettlement.SettleAsync(outbox, transfer, bill, PaymentNotifications.GatewayTime(bill.UpdateTime, now), log, ct);
        return await AfterAsync(outbox, transfer, bill.State, ct);
    }

    /// <summary>What the transfer says now: this query's outcome, or a callback's that settled it a moment before.</summary>
    private static async Task<Reconciled> AfterAsync(IDbContextOutbox<PaymentsDb> outbox, RiderTransfer transfer, string gatewayState, CancellationToken ct)
    {
        await outbox.DbContext.Entry(transfer).ReloadAsync(ct);
        return new Reconciled(transfer, gatewayState);
    }
}

/// <summary>
/// Status: pending (处理中), paid (已到账) or failed (失败), with CompletedAt and FailReason as the withdrawal will show them
/// once the wallet hears the outcome; GatewayState as the gateway said it.
/// </summary>
internal sealed record ReconciledView(Guid Id, string Status, string GatewayState, DateTimeOffset? CompletedAt, string? FailReason);

/// <summary>
/// POST /api/ops/withdrawals/{id}/reconcile (对账): an operator asks the gateway about one pending withdrawal's transfer
/// now, rather than waiting for the reconciliation job; the same rules settle it. Audited as every operator's change is.
/// </summary>
internal static class ReconcileTransfer
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/withdrawals/{id:guid}/reconcile", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Payments")
            .WithSummary("对账: 向微信支付查询提现转账单 (query the gateway about a withdrawal's transfer now)")
            .Produces<ReconciledView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

    private static async Task<IResult> HandleAsync(Guid id, TransferReconciler reconciler, CancellationToken ct)
    {
        var reconciled = await reconciler.ReconcileAsync(id, ct);
        return reconciled switch
        {
            null => Problems.NotFound("提现转账单 (withdrawal transfer)"),
            { GatewayState: null } => Problems.Conflict("转账已结束，无需对账 (the transfer is settled already)", "status"),
            { MismatchField: { } field } => Problems.Unprocessable("微信支付的转账单与本单不符 (the gateway's bill does not match the transfer)", field),
            { GatewayState: Reconciled.Unverified } => Results.Problem(
                statusCode: StatusCodes.Status502BadGateway, title: "Bad gateway", detail: "微信支付的应答无法验证 (the gateway's answer does not verify)"),
            { Transfer: var t, GatewayState: { } state } => Results.Ok(new ReconciledView(id, NameOf(t.Status), state, t.CompletedAt, t.FailReason)),
        };
    }

    private static string NameOf(TransferStatus status) => status switch
    {
        TransferStatus.Succeeded => "paid",
        TransferStatus.Failed => "failed",
        _ => "pending",
    };
}
