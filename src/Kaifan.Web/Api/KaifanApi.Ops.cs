using System.Text.Json;

namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    // Ops console: dispatch
    public Task<ApiResult<ZoneDispatchInfo>> ZoneDispatchAsync(Guid zoneId, CancellationToken ct = default) =>
        SendAsync<ZoneDispatchInfo>(HttpMethod.Get, $"api/ops/zones/{zoneId}/dispatch", ct: ct);

    /// <summary>No rider: back to 待分配 for anyone but the rider who had it.</summary>
    public Task<ApiResult<ReassignInfo>> ReassignAsync(Guid orderId, Guid? riderId, CancellationToken ct = default) =>
        SendAsync<ReassignInfo>(HttpMethod.Post, $"api/ops/orders/{orderId}/reassign", riderId is null ? null : new { riderId }, ct: ct);

    /// <summary>恶劣天气 on or off: while on, the zone's top customers' orders weigh more in dispatch.</summary>
    public Task<ApiResult<JsonElement>> SetBadWeatherAsync(Guid zoneId, bool badWeather, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"api/ops/zones/{zoneId}/weather", new { badWeather }, ct: ct);

    public Task<ApiResult<List<OpsMerchantInfo>>> OpsMerchantsAsync(CancellationToken ct = default) =>
        SendAsync<List<OpsMerchantInfo>>(HttpMethod.Get, "api/ops/merchants", ct: ct);

    // Rider app
    public Task<ApiResult<RiderDeliveriesInfo>> RiderDeliveriesAsync(CancellationToken ct = default) =>
        SendAsync<RiderDeliveriesInfo>(HttpMethod.Get, "api/rider/deliveries?date=today", ct: ct);
}
