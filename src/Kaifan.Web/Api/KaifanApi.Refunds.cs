using System.Globalization;

namespace Kaifan.Web.Api;

/// <summary>Status is pending (the gateway has not answered) or succeeded; Overdue: pending for longer than the gateway ever should be.</summary>
public sealed record OpsRefundInfo(
    Guid Id, Guid OrderId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, bool Overdue);

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
}
