using System.Collections.Concurrent;
using Kaifan.Contracts.Events;
using Kaifan.Tracking.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// Lunchtime, except that the operators' alert line (Tracking's only handler of <see cref="OnTimeAlertRaised"/>) fails
/// for the alerts a test breaks, until it repairs them, and a failing message gives up after two quick retries instead
/// of the production schedule's quarter of an hour: a real message reaches Wolverine's dead letters in about a second.
/// </summary>
public abstract class DeadLetterApp(Provider provider) : LunchtimeApp(provider)
{
    internal BreakableOpsAlerts Alerts { get; } = new();

    protected override void Configure(IDictionary<string, string?> configuration)
    {
        configuration["Kaifan:Messaging:RetryCooldowns"] = "00:00:00.05,00:00:00.1";
        configuration["Kaifan:Messaging:ScheduledRetries"] = "";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IOpsAlerts>(Alerts));

    /// <summary>Publishes an on-time alert as Insights would, for a zone of its own; a broken one fails every attempt.</summary>
    public async Task<Guid> RaiseAlertAsync(bool broken)
    {
        var alertId = Guid.NewGuid();
        if (broken)
        {
            Alerts.Break(alertId);
        }

        var now = Clock.GetUtcNow();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>()
            .PublishAsync(new OnTimeAlertRaised(alertId, Guid.NewGuid(), now.AddHours(-1), now, 20, 15, 0.75, 0.85, "prep"));
        return alertId;
    }
}

public sealed class DeadLetterSqliteApp() : DeadLetterApp(Provider.Sqlite);

public sealed class DeadLetterPostgresApp() : DeadLetterApp(Provider.Postgres);

/// <summary>Stands in for the operators' SignalR line: refuses the broken alerts, remembers the ones it passed on.</summary>
internal sealed class BreakableOpsAlerts : IOpsAlerts
{
    private readonly ConcurrentDictionary<Guid, bool> broken = new();
    private readonly ConcurrentDictionary<Guid, bool> delivered = new();

    public void Break(Guid alertId) => broken[alertId] = true;

    public void Repair(Guid alertId) => broken.TryRemove(alertId, out _);

    public bool Delivered(Guid alertId) => delivered.ContainsKey(alertId);

    public Task SendAsync(OnTimeAlertRaised alert, CancellationToken ct)
    {
        if (broken.ContainsKey(alert.AlertId))
        {
            throw new InvalidOperationException($"operators' line down for alert {alert.AlertId}");
        }

        delivered[alert.AlertId] = true;
        return Task.CompletedTask;
    }
}
