using Kaifan.BuildingBlocks.Storage;
using Microsoft.Data.Sqlite;

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

    public static async Task PrepareAsync(StorageSettings storage, IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(storage.ConnectionString);
            await connection.OpenAsync(ct);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }

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
