namespace Kaifan.Web.Api;

public sealed partial class KaifanApi
{
    /// <summary>收入: the rider's own earnings by Shanghai day (oldest first, today last) and today's orders with their parts.</summary>
    public Task<ApiResult<RiderEarningsInfo>> RiderEarningsAsync(int days = 7, CancellationToken ct = default) =>
        SendAsync<RiderEarningsInfo>(HttpMethod.Get, $"api/rider/earnings?days={days}", ct: ct);
}

public sealed record RiderEarningsInfo(long TodayFen, int TodayOrders, IReadOnlyList<EarningDayInfo> Days, IReadOnlyList<EarningEntryInfo> Today);

public sealed record EarningDayInfo(DateOnly Day, long TotalFen, int Orders);

public sealed record EarningEntryInfo(
    Guid OrderId, string OrderNumber, DateTimeOffset DeliveredAt, int DistanceMetres, long BaseFen, long DistanceFen, long BadWeatherFen,
    long SpecialCareFen, long TotalFen);
