using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.BuildingBlocks.Storage;

/// <summary>A module's database, as the host sees it at start-up: migrate, then seed the demo campus.</summary>
public interface IModuleDatabase
{
    string Schema { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Seeds demo data once the module's tables exist. Implementations must be idempotent.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

public static class ModuleDatabases
{
    /// <summary>
    /// Registers a module's DbContext for the configured provider. Each provider has its own
    /// derived context type so that EF Core keeps one migration set per provider.
    /// </summary>
    public static IServiceCollection AddModuleDb<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, StorageSettings storage, string schema)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            services.AddDbContext<TContext, TSqlite>(b => UseSqlite(b, storage.ConnectionString, schema));
        }
        else
        {
            services.AddDbContext<TContext, TPostgres>(b => UsePostgres(b, storage.ConnectionString, schema));
        }

        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema));
        return services;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString, string schema) =>
        FailuresToCaller(builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable($"__migrations_{schema}")));

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString, string schema) =>
        FailuresToCaller(builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations", schema)));

    /// <summary>
    /// A unique violation or a stale version is how a module learns it lost a race (a second claim, a duplicate
    /// callback), and it answers it; EF would log each one as an error. A failed command still throws, so a real failure
    /// is logged where it is caught, or as the unhandled exception it becomes.
    /// </summary>
    private static DbContextOptionsBuilder FailuresToCaller(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));

    private sealed class ModuleDatabase<TContext>(string schema) : IModuleDatabase
        where TContext : ModuleDbContext
    {
        public string Schema => schema;

        public async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await db.Database.MigrateAsync(ct);
        }
    }
}

/// <summary>Lets `dotnet ef migrations add` build a module's SQLite context without the host.</summary>
public abstract class SqliteDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : ModuleDbContext
{
    public T CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<T>();
        ModuleDatabases.UseSqlite(options, "Data Source=design.db", SchemaOf());
        return (T)Activator.CreateInstance(typeof(T), options.Options)!;
    }

    protected abstract string SchemaOf();
}

/// <summary>Lets `dotnet ef migrations add` build a module's PostgreSQL context without a server.</summary>
public abstract class PostgresDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : ModuleDbContext
{
    public T CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<T>();
        ModuleDatabases.UsePostgres(options, "Host=localhost;Database=kaifan_design", SchemaOf());
        return (T)Activator.CreateInstance(typeof(T), options.Options)!;
    }

    protected abstract string SchemaOf();
}
