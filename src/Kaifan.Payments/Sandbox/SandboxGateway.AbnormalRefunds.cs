using System.Globalization;
using System.Text.Json;
using Kaifan.Payments.WechatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Sandbox;

public sealed partial class SandboxGateway
{
    /// <summary>
    /// 发起异常退款 (POST /v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund): a refund that ended ABNORMAL is paid
    /// again, to the customer's bank card (USER_BANK_CARD) or to the merchant's account for hand-over offline
    /// (MERCHANT_BANK_CARD). 200 with the refund PROCESSING and a signed REFUND.SUCCESS callback later, as the real gateway
    /// does; 400 INVALID_REQUEST for a refund that is not ABNORMAL (never refunded twice), 404 for one it does not know.
    /// </summary>
    internal async Task<SignedAnswer> ApplyAbnormalRefundAsync(string refundId, string outRefundNo, string type, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<PaymentsDb>>();
        var db = outbox.DbContext;
        var refund = await db.SandboxRefunds.FirstOrDefaultAsync(r => r.RefundId == refundId, ct);
        if (refund is null || refund.OutRefundNo != outRefundNo)
        {
            return Answer(404, new WechatError("RESOURCE_NOT_EXISTS", "退款单不存在"));
        }

        if (type is not (AbnormalRefundTypes.UserBankCard or AbnormalRefundTypes.MerchantBankCard))
        {
            return Answer(400, new WechatError("PARAM_ERROR", "type 参数错误"));
        }

        var transaction = await db.SandboxTransactions.SingleAsync(t => t.OutTradeNo == refund.OutTradeNo, ct);
        if (refund.Status != SandboxRefundStatus.Abnormal)
        {
            return Answer(400, new WechatError("INVALID_REQUEST", "退款单状态不是退款异常，无法发起异常退款"));
        }

        var now = clock.GetUtcNow();
        refund.Status = SandboxRefundStatus.Success;
        refund.RefundedAt = now;
        transaction.State = SandboxTradeState.Refund;
        transaction.RefundFen = (transaction.RefundFen ?? 0) + refund.AmountFen;
        transaction.RefundedAt = now;
        transaction.Version++;
        await SandboxNotifications.QueueAsync(outbox, keys, refund.NotifyPath!, SandboxNotifications.RefundFinished(keys, transaction, refund, now));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Answer(429, new WechatError("FREQUENCY_LIMITED", "频率超限，请稍后重试"));
        }

        return Answer(200, SandboxNotifications.Refund(keys, transaction, refund, "PROCESSING"));
    }

    /// <summary>An answer of the gateway's API, signed as the real one signs them.</summary>
    private SignedAnswer Answer<T>(int status, T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, WechatPayJson.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WechatPayCrypto.NewNonce(32);
        return new SignedAnswer(status, bytes, timestamp, nonce, keys.Serial, keys.Sign(timestamp, nonce, bytes));
    }
}
