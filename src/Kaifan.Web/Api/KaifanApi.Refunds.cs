using System.Globalization;

namespace Kaifan.Web.Api;

/// <summary>
/// Status is pending (the gateway has not answered), succeeded, abnormal (the gateway could not pay it back: Gateway says
/// ABNORMAL or CLOSED, HandledAt when an operator made the 异常退款) or closed (asked again under a new number); Overdue:
/// pending for longer than the gateway ever should be, or a 异常退款 made that long ago and still unpaid (it may be made again).
/// </summary>
public sealed record OpsRefundInfo(
    Guid Id, Guid OrderId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, bool Overdue,
    string? Gateway = null, DateTimeOffset? HandledAt = null);

/// <summary>More: older refunds of the day match beyond those listed.</summary>
public sealed record OpsRefundsInfo(DateOnly Day, int Count, long RefundedFen, long PendingFen, int Overdue, IReadOnlyList<OpsRefundInfo> Refunds, bool More = false);

public sealed partial class KaifanApi
{
    // Ops console: 退款流水
    /// <summary>One Shanghai day's refunds, newest first, at most limit of them; status null for all.</summary>
    public Task<ApiResult<OpsRefundsInfo>> RefundsAsync(DateOnly day, string? status, int limit, CancellationToken ct = default)
    {
        var query = $"day={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&limit={limit}";
        query += string.IsNullOrEmpty(status) ? "" : $"&status={Uri.EscapeDataString(status)}";
        return SendAsync<OpsRefundsInfo>(HttpMethod.Get, $"api/ops/refunds?{query}", ct: ct);
    }

    /// <summary>异常退款 of an ABNORMAL refund: paid to the merchant's account, handed over offline.</summary>
    public Task<ApiResult<OpsRefundInfo>> RefundToMerchantAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<OpsRefundInfo>(HttpMethod.Post, $"api/ops/refunds/{id}/abnormal-refund", new { type = "MERCHANT_BANK_CARD" }, ct: ct);

    /// <summary>异常退款 of a CLOSED refund: the same amount again under a new refund number.</summary>
    public Task<ApiResult<OpsRefundInfo>> ResubmitRefundAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<OpsRefundInfo>(HttpMethod.Post, $"api/ops/refunds/{id}/resubmit", ct: ct);
}
