using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kaifan.Host;

/// <summary>/health/live says the process answers; /health/ready also asks the database.</summary>
internal static class HealthChecks
{
    public static void AddKaifanHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

    public static void MapKaifanHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }

    private sealed class DatabaseHealthCheck(StorageSettings storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using System.Data.Common.DbConnection connection = storage.Provider == StorageProvider.Sqlite
                    ? new SqliteConnection(storage.ConnectionString)
                    : new NpgsqlConnection(storage.ConnectionString);
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy(storage.Provider.ToString());
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("database unreachable", e);
            }
        }
    }
}
