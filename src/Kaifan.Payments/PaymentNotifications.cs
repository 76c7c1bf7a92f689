using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using System.Globalization;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Payments;

/// <summary>Where the gateway calls us back, and how we acknowledge (WeChat Pay v3 expects 2xx, optionally {"code":"SUCCESS"}).</summary>
internal static class PaymentNotifications
{
    public const string PaymentPath = "/api/payments/notify/wechat";
    public const string RefundPath = "/api/payments/notify/wechat-refund";
    public const string TransferPath = "/api/payments/notify/wechat-transfer";
    public const string TopUpPath = "/api/payments/notify/wechat-top-up";
    public const string BalanceRefundPath = "/api/payments/notify/wechat-balance-refund";

    public static IResult Acknowledge() => Results.Ok(new { code = "SUCCESS" });

    /// <summary>A gateway callback: anonymous (the signature is the credential) and documented alike.</summary>
    public static RouteHandlerBuilder AsGatewayCallback(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint
            .AllowAnonymous()
            .WithTags("Payment gateway callbacks")
            .WithSummary(summary)
            .Accepts<WechatPay.WechatNotification>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Why a verified refund callback cannot be taken (422 naming the field), or null when it can: our merchant account,
    /// and a refund_status (SUCCESS, ABNORMAL, CLOSED) that agrees with the event type.
    /// </summary>
    public static IResult? RefundRefusal(VerifiedNotification<WechatRefund> verified, WechatPayPlatform platform)
    {
        var returned = verified.Resource;
        if (returned.Mchid != platform.MchId)
        {
            return Problems.Unprocessable("商户号不符 (mchid does not match)", "mchid");
        }

        var succeeded = returned.RefundStatus == "SUCCESS";
        return returned.RefundStatus is not ("SUCCESS" or "ABNORMAL" or "CLOSED") || succeeded != (verified.Notification.EventType == WechatPayJson.RefundSuccess)
            ? Problems.Unprocessable("退款状态不符 (refund_status does not match event_type)", "refund_status")
            : null;
    }

    /// <summary>
    /// Why a verified success callback for our trade of <paramref name="expectedFen"/> cannot be taken (422 naming the
    /// field), or null when it can: our merchant account, a successful trade, the whole amount in yuan fen, a usable
    /// transaction id.
    /// </summary>
    public static IResult? Refusal(WechatTransaction paid, long expectedFen, WechatPayPlatform platform)
    {
        if (paid.Mchid != platform.MchId || paid.Appid != platform.AppId)
        {
            return Problems.Unprocessable("商户号不符 (mchid/appid do not match)", "mchid");
        }

        if (paid.TradeState != "SUCCESS")
        {
            return Problems.Unprocessable("交易未成功 (trade_state is not SUCCESS)", "trade_state");
        }

        if (paid.Amount.Total != expectedFen || paid.Amount.Currency != "CNY")
        {
            return Problems.Unprocessable("金额不符 (amount.total does not match the payment)", "amount.total");
        }

        return paid.TransactionId is { Length: > 0 and <= 64 } ? null : Problems.Unprocessable("交易号无效 (invalid transaction_id)", "transaction_id");
    }

    /// <summary>The gateway's own time of the event; ours if it sent none we can read.</summary>
    public static DateTimeOffset GatewayTime(string? rfc3339, DateTimeOffset fallback) =>
        DateTimeOffset.TryParse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : fallback;
}
