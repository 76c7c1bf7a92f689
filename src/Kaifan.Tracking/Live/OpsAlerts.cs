using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>Tells the operators' consoles of an on-time alert as it is raised (`ontimeAlert` on /hubs/ops).</summary>
public interface IOpsAlerts
{
    Task SendAsync(OnTimeAlertRaised alert, CancellationToken ct);
}

internal sealed class OpsAlerts(IHubContext<OpsHub> hub) : IOpsAlerts
{
    public Task SendAsync(OnTimeAlertRaised alert, CancellationToken ct) =>
        hub.Clients.Group(OpsHub.Operators).SendAsync("ontimeAlert", alert, ct);
}

/// <summary>A repeated alert event pushes the same alert again; the console keys alerts by id.</summary>
public static class OpsAlertHandler
{
    public static Task Handle(OnTimeAlertRaised alert, IOpsAlerts ops, CancellationToken ct) => ops.SendAsync(alert, ct);
}
