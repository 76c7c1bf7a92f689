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
                silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "kaifan", clusterId: clusterId);

                // One silo has no defunct peers to sweep. Orleans reads the host's TimeProvider, and a clock moved
                // hours ahead (the tests' fake one) would make the sweep take this very silo for defunct and kill it.
                silo.Configure<ClusterMembershipOptions>(o => (o.DefunctSiloCleanupPeriod, o.MaxDefunctSiloEntries) = (null, null));
            }
        });
    }
}
