using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering;

/// <summary>The Ordering module's tables; schema "ordering" on PostgreSQL.</summary>
internal abstract class OrderingDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "ordering";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderingDb).Assembly);
    }
}

internal sealed class SqliteOrderingDb(DbContextOptions<SqliteOrderingDb> options) : OrderingDb(options);

internal sealed class PostgresOrderingDb(DbContextOptions<PostgresOrderingDb> options) : OrderingDb(options);

internal sealed class SqliteOrderingDbFactory : SqliteDesignTimeFactory<SqliteOrderingDb>
{
    protected override string SchemaOf() => OrderingDb.SchemaName;
}

internal sealed class PostgresOrderingDbFactory : PostgresDesignTimeFactory<PostgresOrderingDb>
{
    protected override string SchemaOf() => OrderingDb.SchemaName;
}
