using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Payments.Wallet;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// Payments hold nothing personal beyond the customer id (no card data reaches Kaifan), and amounts and gateway
/// references are the books, so nothing is erased here, the wallet is only closed; money still moving (a payment open, a
/// refund running or stuck at the gateway, 退款异常) must settle first, or its result would land on an account that no longer exists. Money left in the 余额 is the customer's:
/// it must be spent or taken back to WeChat (余额退回) first, and a 退回 must have arrived (ADR 0029).
/// </summary>
internal sealed class PaymentsErasure(PaymentsDb db, TimeProvider clock) : IPersonalDataErasure
{
    public async Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var intents = db.Intents.Where(p => p.CustomerId == userId);
        var moving = await intents.AnyAsync(p => p.Status == PaymentStatus.Refunding || (p.Status == PaymentStatus.Pending && p.ExpiresAt > now), ct)
            || await db.Refunds.AnyAsync(r => (r.Status == RefundStatus.Pending || r.Status == RefundStatus.Abnormal) && intents.Any(p => p.Id == r.PaymentId), ct)
            || await db.TopUps.AnyAsync(t => t.CustomerId == userId && t.Status == TopUpStatus.Pending && t.ExpiresAt > now, ct);
        if (moving)
        {
            return new ErasureBlocker("payments", "有支付、充值或退款尚未完成，完成后才能注销 (a payment, top-up or refund is still in progress)");
        }

        if (await db.BalanceRefunds.AnyAsync(r => r.CustomerId == userId && r.Status == BalanceRefundStatus.Pending, ct))
        {
            // A part that fails comes back to the balance: it needs an account to come back to.
            return new ErasureBlocker("balance", "余额正在退回微信，到账后才能注销 (a balance refund to WeChat is still on its way)");
        }

        var balance = await WalletLedger.BalanceAsync(db, userId, ct);
        return balance > 0
            ? new ErasureBlocker("balance", $"余额还有¥{Fen.ToYuan(balance)}，请先用完或退回余额再注销 (spend the ¥{Fen.ToYuan(balance)} balance or take it back to WeChat first)")
            : null;
    }

    /// <summary>
    /// Closes the wallet (opening a closed one if there was none), so a top-up that expired unpaid and is paid after all
    /// goes back to the payer rather than to a balance nobody owns.
    /// </summary>
    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await CloseAsync(userId, now, ct) > 0)
        {
            return;
        }

        db.Wallets.Add(new CustomerWallet { CustomerId = userId, ClosedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A late credit opened it meanwhile.
            db.ChangeTracker.Clear();
            await CloseAsync(userId, now, ct);
        }
    }

    private Task<int> CloseAsync(Guid userId, DateTimeOffset now, CancellationToken ct) =>
        db.Wallets.Where(w => w.CustomerId == userId).ExecuteUpdateAsync(s => s.SetProperty(w => w.ClosedAt, now), ct);
}
