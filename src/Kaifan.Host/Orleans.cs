using Orleans.Configuration;

namespace Kaifan.Host;

/// <summary>
/// Orleans co-hosted in the web host: grains hold hot state (riders, zone dispatchers). Single mode and a
/// Cluster without Redis use localhost clustering; Cluster with ConnectionStrings:Redis joins the other hosts
/// through Redis. Ports come from Kaifan:Orleans:SiloPort / GatewayPort so several hosts can share a machine.
/// </summary>
internal static class KaifanOrleans
{
    public static void AddKaifanOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var siloPort = configuration.GetValue("Kaifan:Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Kaifan:Orleans:GatewayPort", 30000);
        var clusterId = configuration["Kaifan:Orleans:ClusterId"] ?? "kaifan";
        var cluster = (configuration["Kaifan:Mode"] ?? "Single").Equals("Cluster", StringComparison.OrdinalIgnoreCase);
        var redis = configuration.GetConnectionString("Redis");

        // The host's clock is business time: grain timers (a zone's dispatch round) and what grains read run on it, so the
        // day simulator speeds them up and tests move them. Orleans' own machinery stays on the wall clock: on the host's
        // clock a jump ahead would time out every call in flight, collect every grain at once and run those loops inline
        // on whoever moved the clock, while a clock that stands still would let a call that lost its answer wait forever.
        // Placement's timeout and retries still read the host clock (they ask for no area; SimulatedClock scales them).
        foreach (var machinery in new[]
                 {
                     TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
                 })
        {
            builder.Services.AddKeyedSingleton(machinery, TimeProvider.System);
        }

        builder.UseOrleans(silo =>
        {
            if (cluster && !string.IsNullOrWhiteSpace(redis))
            {
                silo.UseRedisClustering(redis);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "kaifan"));
                // Kaifan:Orleans:AdvertisedIP names the address the other silos dial (say 127.0.0.1 for hosts on one machine);
                // without it Orleans picks this machine's first network address.
                if (System.Net.IPAddress.TryParse(configuration["Kaifan:Orleans:AdvertisedIP"], out var advertised))
                {
                    silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
                }
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "kaifan", clusterId: clusterId);

                // One silo has no peers to probe or sweep.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.LivenessEnabled = false;
                    (o.DefunctSiloCleanupPeriod, o.MaxDefunctSiloEntries) = (null, null);
                });
            }
        });
    }
}
