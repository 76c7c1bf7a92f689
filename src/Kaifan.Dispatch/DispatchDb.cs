using Kaifan.BuildingBlocks.Storage;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch;

/// <summary>
/// The Dispatch module's tables; schema "dispatch" on PostgreSQL. Public only because Wolverine's generated
/// handler code must name it; the entities stay internal.
/// </summary>
public abstract class DispatchDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "dispatch";

    internal DbSet<RiderProfile> Riders => Set<RiderProfile>();

    internal DbSet<RiderPosition> RiderPositions => Set<RiderPosition>();

    internal DbSet<RiderRating> RiderRatings => Set<RiderRating>();

    internal DbSet<DispatchJob> Jobs => Set<DispatchJob>();

    internal DbSet<CustomerOrderValue> CustomerOrderValues => Set<CustomerOrderValue>();

    internal DbSet<ZoneCondition> ZoneConditions => Set<ZoneCondition>();

    internal DbSet<ZoneWeatherChange> ZoneWeatherChanges => Set<ZoneWeatherChange>();

    internal DbSet<Earnings.RiderEarning> RiderEarnings => Set<Earnings.RiderEarning>();

    internal DbSet<Wallet.RiderWithdrawal> RiderWithdrawals => Set<Wallet.RiderWithdrawal>();

    internal DbSet<Kaifan.Dispatch.Batches.BatchLine> BatchLines => Set<Kaifan.Dispatch.Batches.BatchLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DispatchDb).Assembly);
    }
}

public sealed class SqliteDispatchDb(DbContextOptions<SqliteDispatchDb> options) : DispatchDb(options);

public sealed class PostgresDispatchDb(DbContextOptions<PostgresDispatchDb> options) : DispatchDb(options);

internal sealed class SqliteDispatchDbFactory : SqliteDesignTimeFactory<SqliteDispatchDb>
{
    protected override string SchemaOf() => DispatchDb.SchemaName;
}

internal sealed class PostgresDispatchDbFactory : PostgresDesignTimeFactory<PostgresDispatchDb>
{
    protected override string SchemaOf() => DispatchDb.SchemaName;
}
