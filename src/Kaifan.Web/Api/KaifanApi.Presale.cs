namespace Kaifan.Web.Api;

/// <summary>
/// A 预售接龙 as the consoles and the shop page list it; Status is open, closed, confirmed, released, cancelled or stopped.
/// Joined counts the paid portions, Taken also those being paid for; times UTC (DeliverAt is the slot's start).
/// ItemName names the options the shop fixed (牛肉炒拉面（大份·微辣）); an order of the chain carries exactly OptionIds.
/// </summary>
public sealed record PresaleInfo(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long PriceFen, int Stock, int Taken, int Joined,
    int PerCustomerLimit, int MinimumQuantity, DateTimeOffset CutoffAt, DateTimeOffset DeliverAt, int SlotMinutes, DateTimeOffset ReleaseAt,
    string? Note, string Status, IReadOnlyList<Guid>? OptionIds = null);

/// <summary>A numbered line of the chain: 1. 张** ×2.</summary>
public sealed record PresaleChainLine(int Number, string Name, int Quantity, bool IsMe);

/// <summary>The chain page: the pre-sale, what is left, the chain, and the viewer's own entry.</summary>
public sealed record PresaleDetail(
    PresaleInfo Presale, int Left, IReadOnlyList<PresaleChainLine> Chain, bool CanJoin, Guid? MyOrderId, int MyQuantity, bool CanLeave);

public sealed record PresaleInput(
    Guid? MerchantId, Guid ItemId, long PriceFen, int Stock, int PerCustomerLimit, int MinimumQuantity, DateTimeOffset CutoffAt, DateTimeOffset DeliverAt,
    int SlotMinutes, string? Note, IReadOnlyList<Guid>? OptionIds = null);

/// <summary>An order's chain and slot (预售中 · x月x日 HH:mm送达).</summary>
public sealed record PresaleOrderInfo(Guid PresaleId, DateTimeOffset DeliverAt, DateTimeOffset CutoffAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? ReleasedAt);

public sealed partial class KaifanApi
{
    // Growth: 预售接龙
    public Task<ApiResult<List<PresaleInfo>>> ShopPresalesAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<List<PresaleInfo>>(HttpMethod.Get, $"api/merchants/{merchantId}/presales", ct: ct);

    /// <summary>The home page's 预售接龙: open chains of the zones' shops, soonest cut-off first.</summary>
    public Task<ApiResult<List<PresaleInfo>>> OpenPresalesAsync(IEnumerable<Guid> zoneIds, int limit, CancellationToken ct = default) =>
        SendAsync<List<PresaleInfo>>(HttpMethod.Get, $"api/presales?{string.Concat(zoneIds.Select(z => $"zoneId={z}&"))}limit={limit}", ct: ct);

    public Task<ApiResult<PresaleDetail>> PresaleAsync(Guid presaleId, CancellationToken ct = default) =>
        SendAsync<PresaleDetail>(HttpMethod.Get, $"api/growth/presales/{presaleId}", ct: ct);

    public Task<ApiResult<System.Text.Json.JsonElement>> LeavePresaleAsync(Guid presaleId, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, $"api/growth/presales/{presaleId}/leave", ct: ct);

    public Task<ApiResult<List<PresaleInfo>>> PresalesAsync(bool ops, CancellationToken ct = default) =>
        SendAsync<List<PresaleInfo>>(HttpMethod.Get, ops ? "api/ops/growth/presales" : "api/merchant/presales", ct: ct);

    public Task<ApiResult<PresaleInfo>> CreatePresaleAsync(bool ops, PresaleInput input, CancellationToken ct = default) =>
        SendAsync<PresaleInfo>(HttpMethod.Post, ops ? "api/ops/growth/presales" : "api/merchant/presales", input, ct: ct);

    /// <summary>停止接龙: every order of the chain is cancelled and the paid ones refunded.</summary>
    public Task<ApiResult<PresaleInfo>> StopPresaleAsync(bool ops, Guid presaleId, CancellationToken ct = default) =>
        SendAsync<PresaleInfo>(HttpMethod.Post, ops ? $"api/ops/growth/presales/{presaleId}/stop" : $"api/merchant/presales/{presaleId}/stop", ct: ct);
}
