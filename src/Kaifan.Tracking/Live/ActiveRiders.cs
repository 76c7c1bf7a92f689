using System.Collections.Concurrent;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.Tracking.Live;

/// <summary>
/// Riders carrying orders right now, by zone, learned from the events; hot state that a restart rebuilds as new
/// assignments arrive (a restart loses only the operators' map dots until then, never an order's progress).
/// </summary>
public sealed class ActiveRiders
{
    private readonly ConcurrentDictionary<Guid, (Guid RiderId, Guid ZoneId)> byOrder = new();

    public void Assign(Guid riderId, Guid zoneId, Guid orderId) => byOrder[orderId] = (riderId, zoneId);

    public void Finish(Guid orderId) => byOrder.TryRemove(orderId, out _);

    public IReadOnlyList<(Guid RiderId, Guid ZoneId, IReadOnlyList<Guid> OrderIds)> Snapshot() =>
        byOrder.GroupBy(p => p.Value)
            .Select(g => (g.Key.RiderId, g.Key.ZoneId, (IReadOnlyList<Guid>)g.Select(p => p.Key).ToList()))
            .ToList();
}

/// <summary>Sends each active rider's newest position to the operators watching its zone, every position interval.</summary>
internal sealed class ZoneRiderPositions(
    ActiveRiders active,
    IServiceScopeFactory scopes,
    IHubContext<OpsHub> hub,
    TrackingSettings settings,
    ILogger<ZoneRiderPositions> logger) : BackgroundService
{
    private readonly Dictionary<Guid, DateTimeOffset> lastSent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PositionInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Rider positions for the ops console failed this round");
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        var riders = active.Snapshot();
        if (riders.Count == 0)
        {
            lastSent.Clear();
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var locations = scope.ServiceProvider.GetRequiredService<IRiderLocations>();
        foreach (var (riderId, zoneId, orderIds) in riders)
        {
            if (await locations.GetAsync(riderId, ct) is { } at && lastSent.GetValueOrDefault(riderId) != at.At)
            {
                lastSent[riderId] = at.At;
                await hub.Clients.Group(OpsHub.ZoneGroup(zoneId))
                    .SendAsync("riderPosition", new ZoneRiderPosition(zoneId, riderId, at.Position.Latitude, at.Position.Longitude, at.At, orderIds), ct);
            }
        }
    }
}
