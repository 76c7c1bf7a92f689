using Kaifan.BuildingBlocks.Http;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/payments/notify/wechat-transfer: the gateway says a rider's transfer finished. It counts once
/// (<see cref="TransferSettlement"/>): SUCCESS pays the withdrawal, FAIL or CANCELLED sends its money back to the rider's
/// balance; a copy of the callback, or one arriving after a query settled the transfer, changes nothing (a SUCCESS for a
/// transfer already failed is logged as critical, and acknowledged: asking again would not change it).
/// </summary>
internal static class ReceiveTransferNotification
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentNotifications.TransferPath, Handle).AsGatewayCallback("商家转账结果通知 (WeChat Pay v3 MCHTRANSFER.BILL.FINISHED callback)");

    private static async Task<IResult> Handle(
        HttpRequest request,
        NotificationVerifier verifier,
        WechatPayPlatform platform,
        IDbContextOutbox<PaymentsDb> outbox,
        TimeProvider clock,
        ILoggerFactory loggers,
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

        if (TransferSettlement.Mismatch(transfer, bill, platform.MchId) is { } mismatch)
        {
            return Problems.Unprocessable(mismatch.Detail, mismatch.Field);
        }

        if (!TransferSettlement.IsFinal(bill.State))
        {
            return Problems.Unprocessable("转账未结束 (state is not final)", "state");
        }

        var settled = await TransferSettlement.SettleAsync(
            outbox, transfer, bill, PaymentNotifications.GatewayTime(bill.UpdateTime, clock.GetUtcNow()), loggers.CreateLogger(typeof(TransferSettlement)), ct);
        if (!settled && transfer.Status == TransferStatus.Pending)
        {
            // A submission's retry claimed the transfer while this callback read it: nothing settled it, so the gateway
            // must send the news again rather than hear it was taken.
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: "转账单正在提交，请重试 (the transfer moved meanwhile; retry)");
        }

        return PaymentNotifications.Acknowledge();
    }
}
