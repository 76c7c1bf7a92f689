using Kaifan.BuildingBlocks.Storage;
using Kaifan.Host;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// Every test host's database starts as a copy of one database per provider that the modules' migrations built once in
/// this test run: applying them took each of the run's 230-odd host starts about half a second of CPU (ADR 0028). The
/// copy is unseeded, so each host still seeds the demo campus under its own clock and personal-data keys.
/// </summary>
internal static class MigratedTemplates
{
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> Postgres = new(CreatePostgresAsync);

    // One copy at a time: hosts starting together each opened the template, and SQLite's backup, which never waits,
    // failed with "database is locked" (SQLITE_BUSY_RECOVERY) when it met another opening. A copy takes milliseconds.
    private static readonly SemaphoreSlim SqliteCopying = new(1, 1);

    public static async Task CopySqliteAsync(string connectionString)
    {
        var templateConnection = await Sqlite.Value;
        await SqliteCopying.WaitAsync();
        try
        {
            await using var template = new SqliteConnection(templateConnection);
            await template.OpenAsync();
            await using var copy = new SqliteConnection(connectionString);
            await copy.OpenAsync();
            template.BackupDatabase(copy);
        }
        finally
        {
            SqliteCopying.Release();
        }
    }

    /// <summary>The database to name in CREATE DATABASE … TEMPLATE.</summary>
    public static Task<string> PostgresAsync() => Postgres.Value;

    private static async Task<string> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kaifan-test-template-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        };

        var connectionString = $"Data Source={file}";
        await MigrateAsync(StorageProvider.Sqlite, connectionString);
        return connectionString;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var database = $"kaifan_template_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        // Unpooled: PostgreSQL copies a template only while nobody is connected to it.
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = database, Pooling = false };
        await MigrateAsync(StorageProvider.Postgres, connectionString.ToString());
        return database;
    }

    private static async Task MigrateAsync(StorageProvider provider, string connectionString)
    {
        await using var host = UnstartedHost.Build(provider, connectionString);
        await host.PrepareDatabasesAsync();
    }
}
