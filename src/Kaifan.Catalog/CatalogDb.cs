using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Model;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog;

/// <summary>The Catalog module's tables; schema "catalog" on PostgreSQL.</summary>
internal abstract class CatalogDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "catalog";

    public DbSet<Zone> Zones => Set<Zone>();

    internal DbSet<Kaifan.Catalog.Lockers.Locker> Lockers => Set<Kaifan.Catalog.Lockers.Locker>();

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<OpeningSlot> OpeningSlots => Set<OpeningSlot>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<OptionGroup> OptionGroups => Set<OptionGroup>();

    public DbSet<Option> Options => Set<Option>();

    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    public DbSet<Kaifan.Catalog.Reviews.MerchantReviewScore> MerchantReviewScores => Set<Kaifan.Catalog.Reviews.MerchantReviewScore>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDb).Assembly);
    }
}

internal sealed class SqliteCatalogDb(DbContextOptions<SqliteCatalogDb> options) : CatalogDb(options);

internal sealed class PostgresCatalogDb(DbContextOptions<PostgresCatalogDb> options) : CatalogDb(options);

internal sealed class SqliteCatalogDbFactory : SqliteDesignTimeFactory<SqliteCatalogDb>
{
    protected override string SchemaOf() => CatalogDb.SchemaName;
}

internal sealed class PostgresCatalogDbFactory : PostgresDesignTimeFactory<PostgresCatalogDb>
{
    protected override string SchemaOf() => CatalogDb.SchemaName;
}
