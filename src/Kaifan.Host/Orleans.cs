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

                // One silo has no peers to probe or sweep. Orleans reads the host's TimeProvider, and a clock moved
                // ahead in a jump (the tests' fake one) would make it find its own heartbeat stale and kill itself.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.LivenessEnabled = false;
                    (o.DefunctSiloCleanupPeriod, o.MaxDefunctSiloEntries) = (null, null);
                });
            }
        });
    }
}
