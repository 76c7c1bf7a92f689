using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Payments.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

internal sealed record BalanceRefundPartView(Guid PartId, Guid TopUpId, long AmountFen, string Status);

/// <summary>A 余额退回 as it was accepted: its parts are on their way to the WeChat trades the money came from.</summary>
internal sealed record BalanceRefundView(Guid RefundId, long AmountFen, long BalanceFen, IReadOnlyList<BalanceRefundPartView> Parts);

/// <summary>
/// POST /api/me/wallet/refunds {amountFen?}: 余额退回, the balance (all of it when amountFen is left out) back to WeChat. The
/// debit is the conditional UPDATE a 余额支付 uses, so two 退回 at once cannot both take the same money; the amount is then
/// refunded to the customer's own credited top-ups, newest first, each up to what is not yet refunded of it, one gateway
/// refund per part. The wallet row the debit locks keeps a parallel 退回 from splitting over the same top-ups until this
/// one commits.
/// </summary>
internal static class RefundBalance
{
    internal sealed record Request(long? AmountFen);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.AmountFen).GreaterThan(0).When(r => r.AmountFen is not null)
                .WithMessage("退回金额至少 ¥0.01 (amountFen must be at least 1)");
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/me/wallet/refunds", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Payments")
            .WithSummary("余额退回 (take the balance back to WeChat, where it came from)")
            .Produces<BalanceRefundView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, IDbContextOutbox<PaymentsDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var refundId = Guid.CreateVersion7(now);
        var amountFen = request.AmountFen ?? await WalletLedger.BalanceAsync(db, customerId, ct);
        if (amountFen == 0)
        {
            return Problems.Conflict("余额为 ¥0，没有可退回的金额 (the balance is empty)", "balance");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await WalletLedger.TryDebitAsync(db, customerId, amountFen, WalletEntryKind.Withdrawal, refundId, now, ct))
        {
            var balance = await WalletLedger.BalanceAsync(db, customerId, ct);
            return Problems.Conflict(
                $"余额不足，当前余额 ¥{Fen.ToYuan(balance)} (the balance does not cover ¥{Fen.ToYuan(amountFen)})", request.AmountFen is null ? "balance" : "amountFen");
        }

        var parts = await SplitAsync(db, customerId, refundId, amountFen, now, ct);
        if (parts.Sum(p => p.AmountFen) != amountFen)
        {
            // Every fen of a balance came in through a top-up, so this means the books are wrong: refund nothing rather than part.
            return Problems.Conflict("余额来源无法核对，请联系客服 (the balance cannot be matched to top-ups)", "balance");
        }

        db.BalanceRefunds.AddRange(parts);
        foreach (var part in parts)
        {
            await outbox.PublishAsync(new SubmitBalanceRefund(part.TopUpId.ToString("N"), part.OutRefundNo, part.AmountFen));
        }

        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Accepted("/api/me/wallet", new BalanceRefundView(
            refundId,
            amountFen,
            await WalletLedger.BalanceAsync(db, customerId, ct),
            parts.Select(p => new BalanceRefundPartView(p.Id, p.TopUpId, p.AmountFen, p.Status.ToString())).ToList()));
    }

    /// <summary>
    /// Newest top-ups first, each up to what is left of it; a failed part's money counts as not refunded. "Newest" is by
    /// the ledger's credit entry, which numbers up: times tie under a fake clock and within one ms.
    /// </summary>
    private static async Task<List<BalanceRefund>> SplitAsync(PaymentsDb db, Guid customerId, Guid refundId, long amountFen, DateTimeOffset now, CancellationToken ct)
    {
        var topUps = await db.WalletEntries.AsNoTracking()
            .Where(e => e.CustomerId == customerId && e.Kind == WalletEntryKind.TopUp)
            .OrderByDescending(e => e.Id)
            .Select(e => new
            {
                Id = e.SourceId,
                Left = e.AmountFen - (db.BalanceRefunds.Where(r => r.TopUpId == e.SourceId && r.Status != BalanceRefundStatus.Failed).Sum(r => (long?)r.AmountFen) ?? 0),
            })
            .ToListAsync(ct);
        var parts = new List<BalanceRefund>();
        var due = amountFen;
        foreach (var topUp in topUps.Where(t => t.Left > 0))
        {
            if (due == 0)
            {
                break;
            }

            var take = Math.Min(due, topUp.Left);
            parts.Add(new BalanceRefund
            {
                Id = Guid.CreateVersion7(now),
                RequestId = refundId,
                CustomerId = customerId,
                TopUpId = topUp.Id,
                AmountFen = take,
                Status = BalanceRefundStatus.Pending,
                RequestedAt = now,
            });
            due -= take;
        }

        return parts;
    }
}

/// <summary>Asks the gateway to refund part of a top-up's trade; sent through the outbox once the part is recorded.</summary>
public sealed record SubmitBalanceRefund(string OutTradeNo, string OutRefundNo, long AmountFen);

public static class SubmitBalanceRefundHandler
{
    /// <summary>
    /// Takes no DbContext, as an order refund's submission: the gateway is another system, and idempotent per out_refund_no,
    /// so a redelivered message never refunds twice. Its answer comes to the balance-refund callback.
    /// </summary>
    public static Task Handle(SubmitBalanceRefund message, SandboxGateway gateway, CancellationToken ct) =>
        gateway.RefundAsync(message.OutTradeNo, message.OutRefundNo, message.AmountFen, PaymentNotifications.BalanceRefundPath, ct);
}
