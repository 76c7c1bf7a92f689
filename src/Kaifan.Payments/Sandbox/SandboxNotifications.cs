using System.Text.Json;
using Kaifan.Payments.WechatPay;
using Wolverine;

namespace Kaifan.Payments.Sandbox;

/// <summary>Builds the encrypted callback bodies the sandbox sends, and queues their durable delivery.</summary>
internal static class SandboxNotifications
{
    public static string PaymentSucceeded(SandboxKeys keys, SandboxTransaction transaction, DateTimeOffset now)
    {
        var resource = new WechatTransaction(
            keys.AppId,
            keys.MchId,
            transaction.OutTradeNo,
            transaction.TransactionId!,
            "JSAPI",
            "SUCCESS",
            "支付成功",
            WechatPayJson.Time(transaction.PaidAt ?? now),
            new WechatTransactionAmount(transaction.AmountFen, transaction.AmountFen, "CNY", "CNY"));
        return Envelope(keys, WechatPayJson.TransactionSuccess, "支付成功", "transaction", JsonSerializer.Serialize(resource, WechatPayJson.Options), now);
    }

    /// <summary>REFUND.SUCCESS, or REFUND.ABNORMAL for an abnormal refund: the money could not go back.</summary>
    public static string RefundFinished(SandboxKeys keys, SandboxTransaction transaction, SandboxRefund refund, DateTimeOffset now)
    {
        var abnormal = refund.Status == SandboxRefundStatus.Abnormal;
        var resource = Refund(keys, transaction, refund, abnormal ? "ABNORMAL" : "SUCCESS");
        return abnormal
            ? Envelope(keys, WechatPayJson.RefundAbnormal, "退款异常", "refund", JsonSerializer.Serialize(resource, WechatPayJson.Options), now)
            : Envelope(keys, WechatPayJson.RefundSuccess, "退款成功", "refund", JsonSerializer.Serialize(resource, WechatPayJson.Options), now);
    }

    /// <summary>A refund as the gateway tells it, in its callback and in its API's answers (status PROCESSING there).</summary>
    public static WechatRefund Refund(SandboxKeys keys, SandboxTransaction transaction, SandboxRefund refund, string status) =>
        new(
            keys.MchId,
            transaction.OutTradeNo,
            transaction.TransactionId!,
            refund.OutRefundNo,
            refund.RefundId,
            status,
            WechatPayJson.Time(refund.RefundedAt),
            new WechatRefundAmount(transaction.AmountFen, refund.AmountFen, transaction.AmountFen, refund.AmountFen));

    public static string TransferFinished(SandboxKeys keys, SandboxTransfer transfer, DateTimeOffset now) =>
        Envelope(keys, WechatPayJson.TransferFinished, "商家转账单据终态通知", "mch_payment", JsonSerializer.Serialize(Bill(keys, transfer, now), WechatPayJson.Options), now);

    /// <summary>A transfer as the gateway tells it, in its callback and in the answer to a query.</summary>
    public static WechatTransferBill Bill(SandboxKeys keys, SandboxTransfer transfer, DateTimeOffset updatedAt) =>
        new(
            transfer.OutBillNo,
            transfer.TransferBillNo,
            transfer.State,
            keys.MchId,
            transfer.AmountFen,
            transfer.OpenId,
            transfer.FailReason,
            WechatPayJson.Time(transfer.CreatedAt),
            WechatPayJson.Time(updatedAt));

    /// <summary>Queues the delivery in the caller's outbox; sometimes a second copy follows, as the real gateway does.</summary>
    public static async Task QueueAsync(IMessageBus outbox, SandboxKeys keys, string notifyPath, string body)
    {
        var message = new DeliverSandboxNotification(notifyPath, body);
        await outbox.PublishAsync(message);
        if (Random.Shared.NextDouble() < keys.DuplicateRate)
        {
            await outbox.ScheduleAsync(message, TimeSpan.FromSeconds(1));
        }
    }

    private static string Envelope(SandboxKeys keys, string eventType, string summary, string originalType, string plaintext, DateTimeOffset now)
    {
        const string associatedData = "transaction";
        var nonce = WechatPayCrypto.NewNonce(12);
        var notification = new WechatNotification(
            Guid.NewGuid().ToString(),
            WechatPayJson.Time(now),
            eventType,
            "encrypt-resource",
            summary,
            new WechatEncryptedResource(
                WechatPayCrypto.Algorithm,
                WechatPayCrypto.Encrypt(keys.ApiV3Key, plaintext, nonce, associatedData),
                nonce,
                associatedData,
                originalType));
        return JsonSerializer.Serialize(notification, WechatPayJson.Options);
    }
}
