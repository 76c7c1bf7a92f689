namespace Kaifan.Web.Api;

public sealed record WheelSegmentInfo(int Segment, string Kind, long AmountFen, long MinSpendFen, bool SoldOut);

public sealed record WheelSpinInfo(Guid SpinId, int Segment, string Kind, long AmountFen, long MinSpendFen, DateTimeOffset SpunAt);

public sealed record MyWheelInfo(
    Guid WheelId, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay,
    List<WheelSegmentInfo> Segments, int SpinsLeft, int SpinsToday, int ShareSpinsToday, string ShareCode, int SpinCount, WheelSpinInfo? LastSpin,
    List<WheelSpinInfo> MyPrizes);

public sealed record WheelSpinResultInfo(
    Guid SpinId, Guid WheelId, int Segment, string Kind, long AmountFen, long MinSpendFen, Guid? CouponId, DateTimeOffset? CouponExpiresAt, int SpinsLeft);

public sealed record WheelPrizeOpsInfo(int Segment, string Kind, long AmountFen, long MinSpendFen, int CouponDays, int Weight, int? Stock, int Won, int? Left);

public sealed record WheelOpsInfo(
    Guid Id, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, string Status, int SpinsToday,
    List<WheelPrizeOpsInfo> Prizes);

public sealed record WheelPrizeInput(string Kind, long AmountFen, long MinSpendFen, int CouponDays, int Weight, int? Stock);

public sealed record WheelInput(
    string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, List<WheelPrizeInput> Prizes);

public sealed record WheelPrizeChange(int Segment, int Weight, int? Stock);

public sealed record WheelChange(string Name, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, List<WheelPrizeChange> Prizes);

public sealed partial class KaifanApi
{
    // Growth: 幸运大转盘
    /// <summary>The running wheel that started last, unless one is named; 404 when none runs.</summary>
    public Task<ApiResult<MyWheelInfo>> MyWheelAsync(Guid? wheelId = null, CancellationToken ct = default) =>
        SendAsync<MyWheelInfo>(HttpMethod.Get, wheelId is { } id ? $"api/growth/wheel?wheelId={id}" : "api/growth/wheel", ct: ct);

    /// <summary>201 with where the wheel stopped; 409 naming spins when none is left today.</summary>
    public Task<ApiResult<WheelSpinResultInfo>> SpinWheelAsync(Guid wheelId, CancellationToken ct = default) =>
        SendAsync<WheelSpinResultInfo>(HttpMethod.Post, "api/growth/wheel/spin", new { wheelId }, ct: ct);

    /// <summary>204 when opening a friend's share link earned them a spin; 404/409/422 naming from say why not.</summary>
    public Task<ApiResult<System.Text.Json.JsonElement>> OpenWheelShareAsync(Guid wheelId, string from, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, "api/growth/wheel/shares", new { wheelId, from }, ct: ct);

    public Task<ApiResult<List<WheelOpsInfo>>> WheelsAsync(CancellationToken ct = default) =>
        SendAsync<List<WheelOpsInfo>>(HttpMethod.Get, "api/ops/growth/wheels", ct: ct);

    public Task<ApiResult<WheelOpsInfo>> CreateWheelAsync(WheelInput input, CancellationToken ct = default) =>
        SendAsync<WheelOpsInfo>(HttpMethod.Post, "api/ops/growth/wheels", input, ct: ct);

    /// <summary>What a prize is stays; its weight and stock (never below what was won: 409) change.</summary>
    public Task<ApiResult<WheelOpsInfo>> UpdateWheelAsync(Guid wheelId, WheelChange change, CancellationToken ct = default) =>
        SendAsync<WheelOpsInfo>(HttpMethod.Put, $"api/ops/growth/wheels/{wheelId}", change, ct: ct);

    public Task<ApiResult<WheelOpsInfo>> EndWheelAsync(Guid wheelId, CancellationToken ct = default) =>
        SendAsync<WheelOpsInfo>(HttpMethod.Post, $"api/ops/growth/wheels/{wheelId}/end", ct: ct);
}
