using System.Collections.Concurrent;
using Kaifan.Contracts.Events;
using Kaifan.Tests.Payments;
using Kaifan.Tracking.Eta;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// Lunchtime, except that Tracking keeps each accepted order's promise until the test releases it. Normally the
/// promise follows the shop's acceptance within milliseconds, so a page could not be watched in between.
/// </summary>
public abstract class HeldPromiseApp(Provider provider) : LunchtimeApp(provider)
{
    private readonly ConcurrentDictionary<Guid, OrderAccepted> held = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<DeliveryPromises>();
        services.Replace(ServiceDescriptor.Scoped<IDeliveryPromises>(_ => new HeldPromises(held)));
    }

    /// <summary>Makes Tracking's real promise for the accepted order now and publishes it, as Tracking's handler would have.</summary>
    public async Task ReleasePromiseAsync(Guid orderId)
    {
        await PaymentProbe.EventuallyAsync(() => Task.FromResult(held.ContainsKey(orderId)), "Tracking hears of the acceptance");
        await using var scope = Services.CreateAsyncScope();
        var promise = await scope.ServiceProvider.GetRequiredService<DeliveryPromises>().PromiseAsync(held[orderId], CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(promise!);
    }

    /// <summary>Remembers the acceptance and promises nothing yet, so Tracking's handler publishes nothing.</summary>
    private sealed class HeldPromises(ConcurrentDictionary<Guid, OrderAccepted> held) : IDeliveryPromises
    {
        public Task<DeliveryPromised?> PromiseAsync(OrderAccepted accepted, CancellationToken ct)
        {
            held.TryAdd(accepted.OrderId, accepted);
            return Task.FromResult<DeliveryPromised?>(null);
        }
    }
}

public sealed class HeldPromiseSqliteApp() : HeldPromiseApp(Provider.Sqlite);

public sealed class HeldPromisePostgresApp() : HeldPromiseApp(Provider.Postgres);
