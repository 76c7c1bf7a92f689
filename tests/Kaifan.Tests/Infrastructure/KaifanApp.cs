using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kaifan.Bench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kaifan.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real Kaifan host on a loopback port with its own fresh database (migrated, not yet seeded), so tests go through real HTTP
/// (the payment sandbox calls the host back over the network like a real gateway).
/// The clock is a FakeTimeProvider that starts at the real time; tests move it forward.
/// </summary>
public abstract class KaifanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings = [];
    private string? sqliteFile;
    private string? postgresDatabase;
    private readonly string auditAnchorFile = Path.Combine(Path.GetTempPath(), $"kaifan-test-anchors-{Guid.NewGuid():N}.jsonl");

    protected KaifanApp(Provider provider) => Provider = provider;

    public Provider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Sign-in codes the host "sent by SMS", so tests sign in through the real flow.</summary>
    internal RecordingSmsSender Sms { get; } = new();

    public ErrorLog Errors { get; } = new();

    public string ConnectionString { get; private set; } = "";

    /// <summary>Extra configuration for a fixture that needs it (say, a short payment timeout).</summary>
    protected virtual void Configure(IDictionary<string, string?> configuration)
    {
    }

    /// <summary>Replaces a service for a fixture that needs to observe it (say, the SMS sender).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        settings["Kaifan:Tokens:SigningKey"] = TestTokens.SigningKey;
        settings["Kaifan:PersonalData:ActiveKeyId"] = "t1";
        settings["Kaifan:PersonalData:Keys:t1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Kaifan:PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // Every fixture runs its own Orleans silo in this one process: each needs ports of its own.
        settings["Kaifan:Orleans:SiloPort"] = ListenPorts.Next().ToString();
        settings["Kaifan:Orleans:GatewayPort"] = ListenPorts.Next().ToString();
        if (Provider == Provider.Sqlite)
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"kaifan-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={sqliteFile}";
            await MigratedTemplates.CopySqliteAsync(ConnectionString);
            settings["Kaifan:Mode"] = "Single";
            settings["ConnectionStrings:Sqlite"] = ConnectionString;
        }
        else
        {
            postgresDatabase = $"kaifan_test_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {postgresDatabase} TEMPLATE {await MigratedTemplates.PostgresAsync()}", admin);
                await create.ExecuteNonQueryAsync();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = postgresDatabase }.ToString();
            settings["Kaifan:Mode"] = "Cluster";
            settings["ConnectionStrings:Postgres"] = ConnectionString;
        }

        // The demo campus's made-up order history trains a forecaster at every start: only the tests about it want that.
        settings["Kaifan:Demo:DemandHistoryDays"] = "0";

        // Their totals assume menu prices: only the promotion tests seed the demo shops' 满减 and 新客立减.
        settings["Kaifan:Demo:ShopPromotions"] = "false";
        settings["Kaifan:Audit:AnchorFile"] = auditAnchorFile;

        // The 号码保护 sandbox: its relay numbers are dialled through /sandbox/calls, as the SMS sandbox's codes are read.
        settings["Kaifan:Calls:Provider"] = "Sandbox";

        // A 余额退回 of ¥3.33 ends REFUND.ABNORMAL, so the wallet tests can watch a failed part come back (off by default).
        settings["Kaifan:Payments:Sandbox:FailingRefundFen"] = "333";
        Configure(settings);
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.Replace(ServiceDescriptor.Singleton<Kaifan.Identity.SignIn.ISmsSender>(Sms));
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_ => new HostLog(GetType().Name));
            ConfigureServices(services);
        });
    }

    public HttpClient Client(string? token = null)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>For the web pages, which read the bearer token from the HttpOnly session cookie a signed-in browser sends.</summary>
    public HttpClient PageClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{Kaifan.Web.Session.SessionCookie.Name}={token}");
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The host outran its 30-second shutdown (once on a starved CI runner, the silo's grains slow to deactivate):
            // the class's tests have finished and their outcome stands; the host's files below go all the same.
        }

        File.Delete(auditAnchorFile);
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

public sealed class SqliteApp() : KaifanApp(Provider.Sqlite);

public sealed class PostgresApp() : KaifanApp(Provider.Postgres);

/// <summary>The throwaway PostgreSQL server that ./test.sh starts; the tests refuse to pretend without it.</summary>
public static class TestPostgres
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("KAIFAN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KAIFAN_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
}
