using Kaifan.Contracts;
using Kaifan.Tracking.Eta;
using Kaifan.Tracking.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tracking;

/// <summary>
/// Live order progress: Server-Sent Events for customers, a SignalR hub for staff, ETAs. Stores nothing: it reads
/// orders through IOrderTracking (Ordering) and riders through IRiderLocations (Dispatch).
/// </summary>
public static class TrackingModule
{
    public static IServiceCollection AddTrackingModule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = TrackingSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<EtaCalculator>();
        services.AddSingleton<IOrderUpdates, InMemoryOrderUpdates>();
        services.AddSingleton<ActiveRiders>();
        services.AddScoped<IOrderAnnouncer, OrderAnnouncer>();
        services.AddScoped<OrderStream>();
        services.AddHostedService<ZoneRiderPositions>();

        // The announcer reads orders through Ordering's query, whose DbContext comes from a factory that
        // Wolverine's generated handler code cannot construct inline.
        services.ConfigureWolverine(opts => opts.CodeGeneration.AlwaysUseServiceLocationFor<IOrderAnnouncer>());

        services.AddSignalR();
        services.AddAuthorizationBuilder().AddPolicy(OpsHub.Policy, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Operator) || (c.User.IsInRole(Roles.Merchant) && c.User.HasClaim(h => h.Type == KaifanClaims.MerchantId))));
        return services;
    }

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        StreamOrderEvents.Map(endpoints);
        GetOrderEta.Map(endpoints);
        endpoints.MapHub<OpsHub>(OpsHub.Path);
        return endpoints;
    }
}
