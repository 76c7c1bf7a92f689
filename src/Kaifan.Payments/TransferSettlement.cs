using Kaifan.Contracts.Events;
using Kaifan.Payments.WechatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// The one way a rider's transfer ends, whoever brought the gateway's word: its callback, a query by the reconciliation
/// job, or an operator's 对账. A pending transfer moves once (its Version token), so two of them at once settle it once.
/// </summary>
internal static class TransferSettlement
{
    /// <summary>States after which WeChat's bill never changes again; ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING may.</summary>
    public static bool IsFinal(string state) => state is "SUCCESS" or "FAIL" or "CANCELLED";

    /// <summary>The field of the gateway's bill that disagrees with our transfer, with a bilingual detail; null when all agree.</summary>
    public static (string Field, string Detail)? Mismatch(RiderTransfer transfer, WechatTransferBill bill, string mchId) =>
        bill.MchId != mchId ? ("mch_id", "商户号不符 (mch_id does not match)")
        : bill.TransferAmount != transfer.AmountFen ? ("transfer_amount", "金额不符 (transfer_amount does not match the transfer)")
        : bill.Openid != transfer.OpenId ? ("openid", "收款人不符 (openid does not match the transfer)")
        : null;

    /// <summary>
    /// Settles a pending transfer from a final bill: SUCCESS pays the withdrawal, FAIL or CANCELLED sends its money back to
    /// the rider's balance. Does nothing to a transfer already settled; false when a parallel path settled it first.
    /// </summary>
    public static Task<bool> SettleAsync(IDbContextOutbox<PaymentsDb> outbox, RiderTransfer transfer, WechatTransferBill bill, DateTimeOffset at, ILogger log, CancellationToken ct) =>
        bill.State == "SUCCESS"
            ? SettleAsync(outbox, transfer, TransferStatus.Succeeded, bill.TransferBillNo, null, at, log, ct)
            : SettleAsync(outbox, transfer, TransferStatus.Failed, bill.TransferBillNo, bill.FailReason ?? bill.State, at, log, ct);

    public static async Task<bool> SettleAsync(
        IDbContextOutbox<PaymentsDb> outbox,
        RiderTransfer transfer,
        TransferStatus outcome,
        string? transferBillNo,
        string? failReason,
        DateTimeOffset at,
        ILogger log,
        CancellationToken ct)
    {
        if (transfer.Status != TransferStatus.Pending)
        {
            WarnIfPaidAfterFailing(transfer, outcome, transferBillNo, log);
            return false;
        }

        transfer.Status = outcome;
        transfer.CompletedAt = at;
        transfer.TransferBillNo = transferBillNo;
        transfer.Version++;
        if (outcome == TransferStatus.Succeeded)
        {
            await outbox.PublishAsync(new RiderWithdrawalPaid(transfer.Id, transferBillNo ?? "", at));
        }
        else
        {
            // The column holds 200; a longer reason must not fail the save and leave the gateway retrying for ever.
            var reason = failReason ?? "FAIL";
            transfer.FailReason = reason.Length > 200 ? reason[..200] : reason;
            await outbox.PublishAsync(new RiderWithdrawalFailed(transfer.Id, transfer.FailReason, at));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel callback, query, 对账 or submission moved it first; what it published stands, ours was never stored.
            await outbox.DbContext.Entry(transfer).ReloadAsync(ct);
            WarnIfPaidAfterFailing(transfer, outcome, transferBillNo, log);
            return false;
        }
    }

    /// <summary>
    /// The gateway paid a transfer we had failed: the money left the merchant account and the rider's balance has it back
    /// too. Nothing here can undo either; someone must recover it from the rider or write it off.
    /// </summary>
    private static void WarnIfPaidAfterFailing(RiderTransfer transfer, TransferStatus outcome, string? transferBillNo, ILogger log)
    {
        if (outcome == TransferStatus.Succeeded && transfer.Status == TransferStatus.Failed)
        {
            log.LogCritical(
                "The gateway paid transfer {TransferId} ({AmountFen} fen, bill {TransferBillNo}) after it was failed as {FailReason}: the rider has the amount back in the balance as well",
                transfer.Id, transfer.AmountFen, transferBillNo, transfer.FailReason);
        }
    }
}
