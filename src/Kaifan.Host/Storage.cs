using Kaifan.BuildingBlocks.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaifan.Host;

/// <summary>Single mode keeps everything in one SQLite file under ./data; Cluster mode uses PostgreSQL.</summary>
internal static class Storage
{
    public static StorageSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var mode = configuration["Kaifan:Mode"] ?? "Single";
        if (mode.Equals("Cluster", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Cluster mode needs ConnectionStrings:Postgres.");
            return new StorageSettings(StorageProvider.Postgres, postgres);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var folder = Path.GetFullPath("data");
            Directory.CreateDirectory(folder);
            sqlite = $"Data Source={Path.Combine(folder, "kaifan.db")}";
        }

        // Many requests write at once; a busy file should wait, not fail.
        var connection = new SqliteConnectionStringBuilder(sqlite) { DefaultTimeout = 30, Pooling = true };
        return new StorageSettings(StorageProvider.Sqlite, connection.ToString());
    }

    /// <summary>Any fixed number, the same on every host: the PostgreSQL advisory lock that start-ups take turns on.</summary>
    private const long PrepareLock = 0x4B6169_66616E;

    public static async Task PrepareAsync(StorageSettings storage, IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(storage.ConnectionString);
            await connection.OpenAsync(ct);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
            await MigrateAndSeedAsync(services, configuration, ct);
            return;
        }

        // Cluster hosts may start together on one database: the seeders check-then-insert, and two migrators would
        // race on the history tables. One host at a time holds the lock; the next finds everything done and skips.
        await using var session = new NpgsqlConnection(storage.ConnectionString);
        await session.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PrepareLock})", session))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await MigrateAndSeedAsync(services, configuration, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PrepareLock})", session);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task MigrateAndSeedAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(services, ct);
        }

        if (configuration.GetValue("Kaifan:SeedDemo", true))
        {
            foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(services, ct);
            }
        }
    }
}
