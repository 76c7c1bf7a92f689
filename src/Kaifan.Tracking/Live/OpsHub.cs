using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>
/// /hubs/ops, the staff consoles' live feed, and the rider app's. Merchant staff join their own shop's group and hear
/// only its orders; operators hear every order and, per zone they watch, the positions of riders on a delivery;
/// a rider joins only their own group and hears only what dispatch tells them, never anyone's order steps.
/// Server → client: `orderStatus` (<see cref="OrderStatusChanged"/>), `riderPosition` (<see cref="ZoneRiderPosition"/>),
/// `ontimeAlert` (operators only, OnTimeAlertRaised), `orderReassigned` and `offerMade` (a rider's own,
/// <see cref="RiderOrderNotice"/>), `offersChanged` (a rider's own, no payload; RiderAppNotices), `orderUrged` (the shop's or the carrying rider's, UrgeNotices),
/// `deliveryException` (operators, and the reporting rider once resolved; DeliveryExceptionNotices).
/// Client → server (operators): WatchZone(zoneId), UnwatchZone(zoneId).
/// </summary>
[Authorize(Policy = Policy)]
internal sealed class OpsHub : Hub
{
    public const string Path = "/hubs/ops";
    public const string Policy = "ops-console";
    public const string Operators = "operators";

    public static string MerchantGroup(Guid merchantId) => $"merchant:{merchantId}";

    public static string ZoneGroup(Guid zoneId) => $"zone:{zoneId}";

    public static string RiderGroup(Guid riderId) => $"rider:{riderId}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User ?? new ClaimsPrincipal();
        if (user.IsInRole(Roles.Operator))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Operators);
        }
        else if (user.IsInRole(Roles.Merchant) && user.MerchantId() is { } merchantId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, MerchantGroup(merchantId));
        }
        else if (user.IsInRole(Roles.Rider) && user.RiderId() is { } riderId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RiderGroup(riderId));
        }

        await base.OnConnectedAsync();
    }

    public Task WatchZone(Guid zoneId) =>
        Context.User?.IsInRole(Roles.Operator) == true
            ? Groups.AddToGroupAsync(Context.ConnectionId, ZoneGroup(zoneId))
            : throw new HubException("只有运营人员可以查看区域骑手位置 (operators only)");

    public Task UnwatchZone(Guid zoneId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ZoneGroup(zoneId));
}

/// <summary>What the consoles hear on every step of an order; (orderId, step) repeats at most, never contradicts.</summary>
public sealed record OrderStatusChanged(Guid OrderId, Guid MerchantId, Guid ZoneId, string Step, string Label, DateTimeOffset At, string Title);

/// <summary>What a rider's app hears of one of its orders: taken away by an operator, or offered by one.</summary>
public sealed record RiderOrderNotice(Guid OrderId, DateTimeOffset At);

public sealed record ZoneRiderPosition(Guid ZoneId, Guid RiderId, double Latitude, double Longitude, DateTimeOffset At, IReadOnlyList<Guid> OrderIds);
