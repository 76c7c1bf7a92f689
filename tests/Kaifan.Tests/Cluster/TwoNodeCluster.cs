using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using Kaifan.Bench;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Runtime;

namespace Kaifan.Tests.Cluster;

/// <summary>
/// Two Kaifan hosts in Cluster mode on loopback: one PostgreSQL database, Orleans clustered through a throwaway
/// redis-server that this fixture starts and stops, Tracking's updates and the SignalR backplane on the same Redis.
/// Both hosts start at once (they take turns migrating and seeding). Their clock is the real one: Orleans reads the
/// host's TimeProvider, and its membership mixes it with the system clock (a shifted clock got a silo declared dead
/// for a generation "older" than the minimum), so the shops are opened round the clock instead.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly Dictionary<string, string?> shared = [];
    private readonly string database = $"kaifan_cluster_{Guid.NewGuid():N}";
    private Process? redis;

    public ClusterNode A { get; private set; } = null!;

    public ClusterNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redisPort = ListenPorts.Next();
        redis = Process.Start(new ProcessStartInfo("redis-server", ["--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (./test.sh installs it)");
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        await WaitForPortAsync(redisPort);

        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        shared["Kaifan:Mode"] = "Cluster";
        shared["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = database }.ToString();
        shared["ConnectionStrings:Redis"] = $"127.0.0.1:{redisPort}";
        shared["Kaifan:Orleans:ClusterId"] = $"kaifan-test-{Guid.NewGuid():N}";
        shared["Kaifan:Orleans:AdvertisedIP"] = "127.0.0.1";
        shared["Kaifan:PersonalData:ActiveKeyId"] = "t1";
        shared["Kaifan:PersonalData:Keys:t1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        shared["Kaifan:PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        A = new ClusterNode(shared);
        B = new ClusterNode(shared);
        await Task.WhenAll(Task.Run(() => ((IAsyncLifetime)A).InitializeAsync()), Task.Run(() => ((IAsyncLifetime)B).InitializeAsync()));

        // Both silos must know each other before a test asks where a grain lives.
        await Payments.PaymentProbe.EventuallyAsync(
            async () => (await ActiveSilosAsync(A)) == 2 && (await ActiveSilosAsync(B)) == 2, "both silos see the cluster of two", seconds: 30);

        await using var db = new NpgsqlConnection(shared["ConnectionStrings:Postgres"]);
        await db.OpenAsync();
        await using var allDay = new NpgsqlCommand("""UPDATE catalog.catalog_opening_slots SET "Open" = '00:00', "Close" = '23:59:59.999'""", db);
        await allDay.ExecuteNonQueryAsync();
    }

    private static async Task<int> ActiveSilosAsync(ClusterNode node) =>
        (await node.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    public async Task DisposeAsync()
    {
        // The second host leaves first; the first one drops its throwaway database behind it.
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (redis is { HasExited: false })
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }

        redis?.Dispose();
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>One host of the pair: the cluster's shared settings over KaifanApp's own (its own database goes unused).</summary>
public sealed class ClusterNode : KaifanApp
{
    private readonly IReadOnlyDictionary<string, string?> shared;
    internal ClusterNode(IReadOnlyDictionary<string, string?> shared)
        : base(Provider.Postgres) => this.shared = shared;

    /// <summary>Test helpers stamp times from <see cref="KaifanApp.Clock"/>; bring it up to the hosts' real clock first.</summary>
    public void SyncClock()
    {
        var now = TimeProvider.System.GetUtcNow();
        if (now > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(now);
        }
    }

    protected override void Configure(IDictionary<string, string?> configuration)
    {
        foreach (var (key, value) in shared)
        {
            configuration[key] = value;
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(TimeProvider.System);
    }
}
