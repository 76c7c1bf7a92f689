using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.WechatPay;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>
/// Builds WeChat Pay v3 callbacks the way the sandbox gateway does, from the running host's own sandbox key
/// material, so tests can send valid ones without racing the sandbox, and forged ones on purpose.
/// </summary>
internal sealed class ForgedNotifications(KaifanApp app)
{
    public const string PaymentPath = "/api/payments/notify/wechat";
    public const string RefundPath = "/api/payments/notify/wechat-refund";
    public const string TransferPath = "/api/payments/notify/wechat-transfer";
    public const string BalanceRefundPath = "/api/payments/notify/wechat-balance-refund";

    private SandboxKeys Keys => app.Services.GetRequiredService<SandboxKeys>();

    public byte[] PaymentBody(Guid paymentId, long totalFen, string? transactionId = null, string tradeState = "SUCCESS")
    {
        var resource = new WechatTransaction(
            Keys.AppId, Keys.MchId, paymentId.ToString("N"), transactionId ?? "4200" + RandomNumberGenerator.GetString("0123456789", 24),
            "JSAPI", tradeState, "支付成功", WechatPayJson.Time(app.Clock.GetUtcNow()),
            new WechatTransactionAmount(totalFen, totalFen, "CNY", "CNY"));
        return Envelope(WechatPayJson.TransactionSuccess, "transaction", JsonSerializer.Serialize(resource, WechatPayJson.Options));
    }

    /// <summary>
    /// REFUND.SUCCESS, or REFUND.ABNORMAL when <paramref name="abnormal"/>, or the <paramref name="status"/> given (CLOSED);
    /// the trade is a payment's or a top-up's.
    /// </summary>
    public byte[] RefundBody(
        Guid paymentId, Guid refundId, long refundFen, long totalFen, bool abnormal = false, string? status = null, string gatewayRefundId = "50000000000000000000000000000")
    {
        var refundStatus = status ?? (abnormal ? "ABNORMAL" : "SUCCESS");
        var resource = new WechatRefund(
            Keys.MchId, paymentId.ToString("N"), "4200000000000000000000000000", refundId.ToString("N"), gatewayRefundId,
            refundStatus, WechatPayJson.Time(app.Clock.GetUtcNow()), new WechatRefundAmount(totalFen, refundFen, totalFen, refundFen));
        var eventType = refundStatus switch
        {
            "SUCCESS" => WechatPayJson.RefundSuccess,
            "CLOSED" => WechatPayJson.RefundClosed,
            _ => WechatPayJson.RefundAbnormal,
        };
        return Envelope(eventType, "refund", JsonSerializer.Serialize(resource, WechatPayJson.Options));
    }

    public byte[] TransferBody(Guid transferId, long amountFen, string openId, string state, string? failReason = null)
    {
        var at = WechatPayJson.Time(app.Clock.GetUtcNow());
        var resource = new WechatTransferBill(
            transferId.ToString("N"), "1330" + RandomNumberGenerator.GetString("0123456789", 36), state, Keys.MchId, amountFen, openId, failReason, at, at);
        return Envelope(WechatPayJson.TransferFinished, "mch_payment", JsonSerializer.Serialize(resource, WechatPayJson.Options));
    }

    /// <summary>Signs with the sandbox key, or with <paramref name="signingKey"/> to forge; stamps the fake clock's time unless told otherwise.</summary>
    public HttpRequestMessage Request(string path, byte[] body, DateTimeOffset? at = null, RSA? signingKey = null, string? serial = null, byte[]? signedBody = null)
    {
        var timestamp = (at ?? app.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = WechatPayCrypto.NewNonce(32);
        var toSign = signedBody ?? body;
        var signature = signingKey is null ? Keys.Sign(timestamp, nonce, toSign) : WechatPayCrypto.Sign(signingKey, timestamp, nonce, toSign);

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Wechatpay-Timestamp", timestamp);
        request.Headers.Add("Wechatpay-Nonce", nonce);
        request.Headers.Add("Wechatpay-Serial", serial ?? Keys.Serial);
        request.Headers.Add("Wechatpay-Signature", signature);
        request.Headers.Add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return request;
    }

    private byte[] Envelope(string eventType, string originalType, string plaintext)
    {
        var nonce = WechatPayCrypto.NewNonce(12);
        var notification = new WechatNotification(
            Guid.NewGuid().ToString(), WechatPayJson.Time(app.Clock.GetUtcNow()), eventType, "encrypt-resource", "支付成功",
            new WechatEncryptedResource(WechatPayCrypto.Algorithm, WechatPayCrypto.Encrypt(Keys.ApiV3Key, plaintext, nonce, "transaction"), nonce, "transaction", originalType));
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(notification, WechatPayJson.Options));
    }
}
