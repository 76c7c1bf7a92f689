namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    // Tracking (customer)
    public Task<ApiResult<EtaInfo>> EtaAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<EtaInfo>(HttpMethod.Get, $"api/orders/{orderId}/eta", ct: ct);

    public Task<ApiResult<OrderMapInfo>> OrderMapAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<OrderMapInfo>(HttpMethod.Get, $"api/orders/{orderId}/map", ct: ct);
}
