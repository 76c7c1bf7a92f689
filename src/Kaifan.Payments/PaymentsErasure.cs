using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// Payments hold nothing personal beyond the customer id (no card data reaches Kaifan), and amounts and gateway
/// references are the books, so nothing is erased here; money still moving (a payment open, a refund running) must
/// settle first, or its result would land on an account that no longer exists.
/// </summary>
internal sealed class PaymentsErasure(PaymentsDb db, TimeProvider clock) : IPersonalDataErasure
{
    public async Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var intents = db.Intents.Where(p => p.CustomerId == userId);
        var moving = await intents.AnyAsync(p => p.Status == PaymentStatus.Refunding || (p.Status == PaymentStatus.Pending && p.ExpiresAt > now), ct)
            || await db.Refunds.AnyAsync(r => r.Status == RefundStatus.Pending && intents.Any(p => p.Id == r.PaymentId), ct);
        return moving ? new ErasureBlocker("payments", "有支付或退款尚未完成，完成后才能注销 (a payment or refund is still in progress)") : null;
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;
}
