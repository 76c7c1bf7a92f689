using Kaifan.BuildingBlocks.Storage;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Sandbox;

/// <summary>
/// The sandbox gateway's server-side API, as the merchant calls it (WeChat's JSAPI prepay and refund requests; 商家转账
/// in SandboxGateway.Transfers.cs).
/// Each call runs in its own scope and transaction, like a call to another company's server: it never joins
/// the caller's unit of work. Public only because Wolverine's generated handler code names it.
/// </summary>
public sealed partial class SandboxGateway(IServiceScopeFactory scopes, SandboxKeys keys, TimeProvider clock)
{
    /// <summary>Idempotent per out_trade_no: asking again returns the same prepay id.</summary>
    internal async Task<string> CreatePrepayAsync(string outTradeNo, long amountFen, string description, string notifyPath, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var existing = await db.SandboxTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.OutTradeNo == outTradeNo, ct);
        if (existing is not null)
        {
            return existing.PrepayId;
        }

        var transaction = new SandboxTransaction
        {
            PrepayId = "wx" + clock.GetUtcNow().ToString("ddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            OutTradeNo = outTradeNo,
            AmountFen = amountFen,
            Description = description.Length > 128 ? description[..128] : description,
            NotifyPath = notifyPath,
            State = SandboxTradeState.NotPay,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SandboxTransactions.Add(transaction);
        try
        {
            await db.SaveChangesAsync(ct);
            return transaction.PrepayId;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel request for the same out_trade_no won; answer with its prepay id.
            await using var again = scopes.CreateAsyncScope();
            return await again.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxTransactions
                .Where(t => t.OutTradeNo == outTradeNo).Select(t => t.PrepayId).SingleAsync(ct);
        }
    }

    /// <summary>
    /// Refunds a paid transaction, in full or in part (several parts may follow, never more in all than it collected),
    /// and later notifies REFUND.SUCCESS (REFUND.ABNORMAL for the configured failing amount, which 发起异常退款 may then pay,
    /// see SandboxGateway.AbnormalRefunds.cs). Idempotent per out_refund_no, so a merchant retrying after a lost answer
    /// never refunds twice. The transaction keeps the running total and its latest refund.
    /// </summary>
    internal async Task RefundAsync(string outTradeNo, string outRefundNo, long refundFen, string notifyPath, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<PaymentsDb>>();
        var db = outbox.DbContext;
        var transaction = await db.SandboxTransactions.FirstOrDefaultAsync(t => t.OutTradeNo == outTradeNo, ct)
            ?? throw new InvalidOperationException($"Sandbox: no transaction {outTradeNo}.");
        if (transaction.OutRefundNo == outRefundNo || await db.SandboxRefunds.AnyAsync(r => r.OutRefundNo == outRefundNo, ct))
        {
            return;
        }

        var refundedBefore = transaction.State == SandboxTradeState.Refund ? transaction.RefundFen ?? 0 : 0;
        if (transaction.State is not (SandboxTradeState.Success or SandboxTradeState.Refund) || refundFen <= 0 || refundedBefore + refundFen > transaction.AmountFen)
        {
            throw new InvalidOperationException($"Sandbox: transaction {outTradeNo} cannot be refunded {refundFen} fen in state {transaction.State}.");
        }

        var now = clock.GetUtcNow();
        var refund = new SandboxRefund
        {
            OutRefundNo = outRefundNo, OutTradeNo = outTradeNo, RefundId = "50" + Digits(28), AmountFen = refundFen, RefundedAt = now, NotifyPath = notifyPath,
        };
        if (refundFen == keys.FailingRefundFen)
        {
            // Nothing goes back and the trade's total stays: the refund waits ABNORMAL for 发起异常退款.
            refund.Status = SandboxRefundStatus.Abnormal;
            db.SandboxRefunds.Add(refund);
            await SandboxNotifications.QueueAsync(outbox, keys, notifyPath, SandboxNotifications.RefundFinished(keys, transaction, refund, now));
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return;
        }

        db.SandboxRefunds.Add(refund);
        transaction.State = SandboxTradeState.Refund;
        transaction.OutRefundNo = outRefundNo;
        transaction.RefundId = refund.RefundId;
        transaction.RefundFen = refundedBefore + refundFen;
        transaction.RefundedAt = now;
        transaction.Version++;
        await SandboxNotifications.QueueAsync(outbox, keys, notifyPath, SandboxNotifications.RefundFinished(keys, transaction, refund, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
    }

    internal static string Digits(int count) =>
        RandomNumberGenerator.GetString("0123456789", count);
}
