using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>The Payments module's tables; schema "payments" on PostgreSQL.</summary>
internal abstract class PaymentsDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "payments";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDb).Assembly);
    }
}

internal sealed class SqlitePaymentsDb(DbContextOptions<SqlitePaymentsDb> options) : PaymentsDb(options);

internal sealed class PostgresPaymentsDb(DbContextOptions<PostgresPaymentsDb> options) : PaymentsDb(options);

internal sealed class SqlitePaymentsDbFactory : SqliteDesignTimeFactory<SqlitePaymentsDb>
{
    protected override string SchemaOf() => PaymentsDb.SchemaName;
}

internal sealed class PostgresPaymentsDbFactory : PostgresDesignTimeFactory<PostgresPaymentsDb>
{
    protected override string SchemaOf() => PaymentsDb.SchemaName;
}
