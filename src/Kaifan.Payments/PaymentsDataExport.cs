using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

internal sealed record RefundExport(long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

/// <summary>GatewayTransactionId is the number the customer's wallet app shows for the payment, to match the two.</summary>
internal sealed record PaymentExport(
    Guid Id, Guid OrderId, long AmountFen, string Channel, string Status, string? GatewayTransactionId, DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt, DateTimeOffset? RefundedAt, IReadOnlyList<RefundExport> Refunds);

/// <summary>The customer's payment attempts and refunds. There is no card data to leave out: it never reaches Kaifan.</summary>
internal sealed class PaymentsDataExport(PaymentsDb db) : IPersonalDataExport
{
    public string Section => "payments";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var intents = await db.Intents.AsNoTracking().Where(p => p.CustomerId == userId).ToListAsync(ct);
        var ids = intents.Select(p => p.Id).ToList();
        // A payment may be refunded in parts (refund requests after delivery), so each has a list, oldest first.
        var refunds = (await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.PaymentId)).ToListAsync(ct))
            .OrderBy(r => r.RequestedAt).ToLookup(r => r.PaymentId);
        return intents
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PaymentExport(
                p.Id, p.OrderId, p.AmountFen, p.Channel, p.Status.ToString(), p.GatewayTransactionId, p.CreatedAt, p.PaidAt, p.RefundedAt,
                refunds[p.Id].Select(r => new RefundExport(r.AmountFen, r.Reason, r.Status.ToString(), r.RequestedAt, r.CompletedAt)).ToList()))
            .ToList();
    }
}
