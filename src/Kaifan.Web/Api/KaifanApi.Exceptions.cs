namespace Kaifan.Web.Api;

/// <summary>配送异常: the rider reports, the operator resolves, the customer answers 我在，马上到.</summary>
public sealed partial class KaifanApi
{
    public static readonly IReadOnlyList<string> ExceptionKinds = ["pickup_failed", "customer_unreachable", "customer_refused", "road_blocked"];

    public static readonly IReadOnlyList<string> ExceptionResolutions = ["redeliver", "cancel_and_refund", "delivered_anyway"];

    public Task<ApiResult<StaffOrderInfo>> ReportExceptionAsync(Guid orderId, string kind, string? note, CancellationToken ct = default) =>
        SendAsync<StaffOrderInfo>(HttpMethod.Post, $"api/rider/orders/{orderId}/exceptions", new { kind, note }, ct: ct);

    public Task<ApiResult<List<DeliveryExceptionRowInfo>>> DeliveryExceptionsAsync(Guid zoneId, int limit, CancellationToken ct = default) =>
        SendAsync<List<DeliveryExceptionRowInfo>>(HttpMethod.Get, $"api/ops/delivery-exceptions?zoneId={zoneId}&limit={limit}", ct: ct);

    public Task<ApiResult<StaffOrderInfo>> ResolveExceptionAsync(Guid orderId, string resolution, CancellationToken ct = default) =>
        SendAsync<StaffOrderInfo>(HttpMethod.Post, $"api/ops/orders/{orderId}/exception/resolve", new { resolution }, ct: ct);

    public Task<ApiResult<OrderInfo>> AnswerRiderAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/orders/{orderId}/exception/answer", ct: ct);
}
