using Kaifan.Contracts.Events;
using Kaifan.Payments.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Kaifan.Payments;

/// <summary>Asks the gateway to pay a rider; sent through the outbox once the transfer is recorded.</summary>
public sealed record SubmitTransfer(Guid TransferId, string OutBillNo, string OpenId, long AmountFen);

/// <summary>
/// A rider's 提现 becomes one transfer, once: a repeated event finds it; two at once meet on the key and the loser's retry
/// finds it.
/// </summary>
public static class TransferRiderWithdrawalHandler
{
    public static async Task Handle(RiderWithdrawalRequested requested, PaymentsDb db, IMessageBus bus, CancellationToken ct)
    {
        if (await db.RiderTransfers.AnyAsync(t => t.Id == requested.WithdrawalId, ct))
        {
            return;
        }

        var transfer = new RiderTransfer
        {
            Id = requested.WithdrawalId,
            RiderId = requested.RiderId,
            AmountFen = requested.AmountFen,
            OpenId = RiderTransfer.SandboxOpenIdOf(requested.RiderId),
            Status = TransferStatus.Pending,
            RequestedAt = requested.RequestedAt,
        };
        db.RiderTransfers.Add(transfer);
        await bus.PublishAsync(new SubmitTransfer(transfer.Id, transfer.OutBillNo, transfer.OpenId, transfer.AmountFen));
    }
}

public static class SubmitTransferHandler
{
    /// <summary>
    /// Takes no DbContext on purpose, like a refund's submission: the gateway call must not run inside our transaction. The
    /// gateway is idempotent per out_bill_no, so redelivery never pays twice. Before the call, one UPDATE claims the
    /// transfer while it is still pending: it stamps SubmittedAt, from which the unknown-bill grace counts again, and moves
    /// the Version token, so a reconciliation that read the transfer before the claim cannot fail it afterwards; one that
    /// failed it first leaves nothing to claim, and a submission replayed from the dead letters is not sent.
    /// </summary>
    public static async Task Handle(SubmitTransfer message, SandboxGateway gateway, IServiceScopeFactory scopes, ILogger<SubmitTransfer> log, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var claimed = await scope.ServiceProvider.GetRequiredService<PaymentsDb>().RiderTransfers
                .Where(t => t.Id == message.TransferId && t.Status == TransferStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.SubmittedAt, now).SetProperty(t => t.Version, t => t.Version + 1), ct);
            if (claimed == 0)
            {
                log.LogWarning("Transfer {TransferId} is settled or unknown: not submitted to the gateway", message.TransferId);
                return;
            }
        }

        await gateway.TransferAsync(message.OutBillNo, message.OpenId, message.AmountFen, PaymentNotifications.TransferPath, ct);
    }
}
