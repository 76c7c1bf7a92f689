using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaifan.Payments.WechatPay;

/// <summary>The callback envelope WeChat Pay v3 POSTs to the merchant's notify URL.</summary>
internal sealed record WechatNotification(
    string Id,
    string CreateTime,
    string EventType,
    string ResourceType,
    string Summary,
    WechatEncryptedResource Resource);

internal sealed record WechatEncryptedResource(
    string Algorithm,
    string Ciphertext,
    string Nonce,
    string AssociatedData,
    string OriginalType);

/// <summary>The decrypted resource of TRANSACTION.SUCCESS.</summary>
internal sealed record WechatTransaction(
    string Appid,
    string Mchid,
    string OutTradeNo,
    string TransactionId,
    string TradeType,
    string TradeState,
    string TradeStateDesc,
    string SuccessTime,
    WechatTransactionAmount Amount);

internal sealed record WechatTransactionAmount(long Total, long PayerTotal, string Currency, string PayerCurrency);

/// <summary>The decrypted resource of REFUND.SUCCESS, REFUND.ABNORMAL or REFUND.CLOSED; RefundStatus says which.</summary>
internal sealed record WechatRefund(
    string Mchid,
    string OutTradeNo,
    string TransactionId,
    string OutRefundNo,
    string RefundId,
    string RefundStatus,
    string SuccessTime,
    WechatRefundAmount Amount);

internal sealed record WechatRefundAmount(long Total, long Refund, long PayerTotal, long PayerRefund);

/// <summary>
/// The decrypted resource of MCHTRANSFER.BILL.FINISHED (商家转账单据终态通知): State is SUCCESS, FAIL or CANCELLED, and
/// FailReason is set only when it did not succeed. The answer to 商户单号查询转账单 has these fields too (and appid,
/// transfer_remark, which Kaifan does not read), with any state, ACCEPTED or PROCESSING among them.
/// </summary>
internal sealed record WechatTransferBill(
    string OutBillNo,
    string TransferBillNo,
    string State,
    string MchId,
    long TransferAmount,
    string Openid,
    string? FailReason,
    string CreateTime,
    string UpdateTime);

/// <summary>发起异常退款's type: the customer's bank card (bank details required) or the merchant's account, handed over offline.</summary>
internal static class AbnormalRefundTypes
{
    public const string UserBankCard = "USER_BANK_CARD";
    public const string MerchantBankCard = "MERCHANT_BANK_CARD";
}

/// <summary>An API's error answer, such as 404 {"code":"NOT_FOUND","message":"记录不存在"}.</summary>
internal sealed record WechatError(string Code, string Message);

/// <summary>
/// What a WeChat Pay v3 API call answered: the HTTP status, the raw body, and the Wechatpay-* headers that sign it (应答签名:
/// the same RSA signature over "timestamp\nnonce\nbody\n" as a callback's).
/// </summary>
internal sealed record SignedAnswer(int Status, byte[] Body, string Timestamp, string Nonce, string Serial, string Signature)
{
    /// <summary>The body as <typeparamref name="T"/>, or null when it is not that JSON.</summary>
    public T? Read<T>()
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, WechatPayJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal static class WechatPayJson
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS";
    public const string RefundSuccess = "REFUND.SUCCESS";
    public const string RefundAbnormal = "REFUND.ABNORMAL";
    public const string RefundClosed = "REFUND.CLOSED";

    /// <summary>What a refund's callback address hears: its success and the two ways it fails.</summary>
    public static readonly IReadOnlyList<string> RefundOutcomes = [RefundSuccess, RefundAbnormal, RefundClosed];
    public const string TransferFinished = "MCHTRANSFER.BILL.FINISHED";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>WeChat writes times in RFC 3339 with the China offset.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
