using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Events;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/payments/notify/wechat-transfer: the gateway says a rider's transfer finished. It counts once: SUCCESS pays
/// the withdrawal, FAIL or CANCELLED sends its money back to the rider's balance; a copy of the callback changes nothing.
/// </summary>
internal static class ReceiveTransferNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGatewayCallback(PaymentNotifications.TransferPath, "商家转账结果通知 (WeChat Pay v3 MCHTRANSFER.BILL.FINISHED callback)", Handle);

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        IDbContextOutbox<PaymentsDb> outbox,
        TimeProvider clock,
        CancellationToken ct)
    {
        var (verified, failure) = await verifier.VerifyAsync<WechatTransferBill>(request, WechatPayJson.TransferFinished, ct);
        if (verified is null)
        {
            return failure!;
        }

        var bill = verified.Resource;
        var db = outbox.DbContext;
        var transfer = Guid.TryParseExact(bill.OutBillNo, "N", out var transferId)
            ? await db.RiderTransfers.FirstOrDefaultAsync(t => t.Id == transferId, ct)
            : null;
        if (transfer is null)
        {
            return Problems.Unprocessable("转账单不存在 (unknown out_bill_no)", "out_bill_no");
        }

        if (bill.MchId != platform.MchId)
        {
            return Problems.Unprocessable("商户号不符 (mch_id does not match)", "mch_id");
        }

        if (bill.TransferAmount != transfer.AmountFen)
        {
            return Problems.Unprocessable("金额不符 (transfer_amount does not match the transfer)", "transfer_amount");
        }

        if (bill.Openid != transfer.OpenId)
        {
            return Problems.Unprocessable("收款人不符 (openid does not match the transfer)", "openid");
        }

        if (bill.State is not ("SUCCESS" or "FAIL" or "CANCELLED"))
        {
            return Problems.Unprocessable("转账未结束 (state is not final)", "state");
        }

        if (transfer.Status != TransferStatus.Pending)
        {
            return PaymentNotifications.Acknowledge();
        }

        var at = PaymentNotifications.GatewayTime(bill.UpdateTime, clock.GetUtcNow());
        transfer.CompletedAt = at;
        transfer.TransferBillNo = bill.TransferBillNo;
        transfer.Version++;
        if (bill.State == "SUCCESS")
        {
            transfer.Status = TransferStatus.Succeeded;
            await outbox.PublishAsync(new RiderWithdrawalPaid(transfer.Id, bill.TransferBillNo, at));
        }
        else
        {
            transfer.Status = TransferStatus.Failed;
            // The column holds 200; a longer reason must not fail the save and leave the gateway retrying for ever.
            var reason = bill.FailReason ?? bill.State;
            transfer.FailReason = reason.Length > 200 ? reason[..200] : reason;
            await outbox.PublishAsync(new RiderWithdrawalFailed(transfer.Id, transfer.FailReason, at));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel copy of this callback made the transition.
        }

        return PaymentNotifications.Acknowledge();
    }
}
