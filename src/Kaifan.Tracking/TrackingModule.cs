using Kaifan.Contracts;
using Kaifan.Contracts.Notices;
using Kaifan.Tracking.Eta;
using Kaifan.Tracking.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
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
        var redis = configuration.GetConnectionString("Redis");
        var cluster = (configuration["Kaifan:Mode"] ?? "Single").Equals("Cluster", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(redis);
        if (cluster)
        {
            services.AddSingleton(new RedisConnection(redis!));
            services.AddSingleton<IOrderUpdates, RedisOrderUpdates>();
        }
        else
        {
            services.AddSingleton<IOrderUpdates, InMemoryOrderUpdates>();
        }

        services.AddSingleton<ActiveRiders>();
        services.AddScoped<IOrderAnnouncer, OrderAnnouncer>();
        services.AddScoped<OrderStream>();
        services.AddScoped<IDeliveryPromises, DeliveryPromises>();
        services.AddSingleton<IOpsAlerts, OpsAlerts>();
        services.AddSingleton<IRiderNotices, RiderNotices>();
        services.AddSingleton<IRiderAppNotices, RiderAppNotices>();
        services.AddSingleton<IUrgeNotices, UrgeNotices>();
        services.AddSingleton<IDeliveryExceptionNotices, DeliveryExceptionNotices>();
        services.AddSingleton<IRefundNotices, RefundNotices>();
        services.AddHostedService<ZoneRiderPositions>();

        // The announcer reads orders through Ordering's query, whose DbContext comes from a factory that
        // Wolverine's generated handler code cannot construct inline.
        services.ConfigureWolverine(opts =>
        {
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IOrderAnnouncer>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IDeliveryPromises>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IOpsAlerts>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IRiderNotices>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IUrgeNotices>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IDeliveryExceptionNotices>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IRefundNotices>();
        });

        // Cluster mode: a console connected to one host hears what another host's handler announced.
        var signalR = services.AddSignalR();
        if (cluster)
        {
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = RedisConnection.WithRetries(redis!);
                o.Configuration.ChannelPrefix = RedisChannel.Literal("kaifan-signalr");
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(OpsHub.Policy, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Operator)
            || (c.User.IsInRole(Roles.Merchant) && c.User.HasClaim(h => h.Type == KaifanClaims.MerchantId))
            || (c.User.IsInRole(Roles.Rider) && c.User.HasClaim(h => h.Type == KaifanClaims.RiderId))));
        return services;
    }

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        StreamOrderEvents.Map(endpoints);
        GetOrderEta.Map(endpoints);
        GetOrderMap.Map(endpoints);
        endpoints.MapHub<OpsHub>(OpsHub.Path);
        return endpoints;
    }
}
