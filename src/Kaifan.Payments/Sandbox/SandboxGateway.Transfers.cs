using Kaifan.BuildingBlocks.Storage;
using Kaifan.Payments.WechatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Sandbox;

public sealed partial class SandboxGateway
{
    /// <summary>
    /// Pays a WeChat user's change (商家转账) and later notifies MCHTRANSFER.BILL.FINISHED, SUCCESS or, for the configured
    /// failing amount, FAIL; for the configured lost-callback amount it pays and never calls back. Idempotent per
    /// out_bill_no: a merchant retrying after a lost answer never pays twice.
    /// </summary>
    internal async Task TransferAsync(string outBillNo, string openId, long amountFen, string notifyPath, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<PaymentsDb>>();
        var db = outbox.DbContext;
        if (await db.SandboxTransfers.AnyAsync(t => t.OutBillNo == outBillNo, ct))
        {
            return;
        }

        if (amountFen <= 0)
        {
            throw new InvalidOperationException($"Sandbox: transfer {outBillNo} of {amountFen} fen.");
        }

        var now = clock.GetUtcNow();
        var fails = amountFen == keys.FailingTransferFen;
        var transfer = new SandboxTransfer
        {
            OutBillNo = outBillNo,
            TransferBillNo = "1330" + Digits(36),
            OpenId = openId,
            AmountFen = amountFen,
            State = fails ? "FAIL" : "SUCCESS",
            FailReason = fails ? "PAYEE_ACCOUNT_ABNORMAL" : null,
            CreatedAt = now,
        };
        db.SandboxTransfers.Add(transfer);
        if (amountFen != keys.LostCallbackTransferFen)
        {
            await SandboxNotifications.QueueAsync(outbox, keys, notifyPath, SandboxNotifications.TransferFinished(keys, transfer, now));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel request for the same out_bill_no made the transfer and owes its callback.
        }
    }

    /// <summary>
    /// 商户单号查询转账单 (GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}): 200 with the bill as it
    /// stands, or 404 NOT_FOUND when the gateway never received it; signed like every answer of the real API. The sandbox's
    /// bills finish at once, so of WeChat's states (ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING, SUCCESS, FAIL,
    /// CANCELLED) it answers SUCCESS or FAIL.
    /// </summary>
    internal async Task<SignedAnswer> QueryTransferBillAsync(string outBillNo, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bill = await scope.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxTransfers.AsNoTracking()
            .FirstOrDefaultAsync(t => t.OutBillNo == outBillNo, ct);
        return bill is null
            ? Answer(404, new WechatError("NOT_FOUND", "记录不存在"))
            : Answer(200, SandboxNotifications.Bill(keys, bill, bill.CreatedAt));
    }
}
