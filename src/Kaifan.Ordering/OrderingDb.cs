using Kaifan.BuildingBlocks.Storage;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Placement;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering;

/// <summary>
/// The Ordering module's tables; schema "ordering" on PostgreSQL. Public only because Wolverine's
/// generated handler code must name it; the entities stay internal.
/// </summary>
public abstract class OrderingDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "ordering";

    internal DbSet<Order> Orders => Set<Order>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    internal DbSet<Kaifan.Ordering.Coupons.Coupon> Coupons => Set<Kaifan.Ordering.Coupons.Coupon>();

    internal DbSet<Kaifan.Ordering.Reviews.Review> Reviews => Set<Kaifan.Ordering.Reviews.Review>();

    internal DbSet<Kaifan.Ordering.Reviews.ReviewPhoto> ReviewPhotos => Set<Kaifan.Ordering.Reviews.ReviewPhoto>();
    internal DbSet<Kaifan.Ordering.Refunds.RefundRequest> RefundRequests => Set<Kaifan.Ordering.Refunds.RefundRequest>();

    internal DbSet<Kaifan.Ordering.Calls.CallBinding> CallBindings => Set<Kaifan.Ordering.Calls.CallBinding>();

    internal DbSet<NewCustomerClaim> NewCustomerClaims => Set<NewCustomerClaim>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderingDb).Assembly);
    }
}

public sealed class SqliteOrderingDb(DbContextOptions<SqliteOrderingDb> options) : OrderingDb(options);

public sealed class PostgresOrderingDb(DbContextOptions<PostgresOrderingDb> options) : OrderingDb(options);

internal sealed class SqliteOrderingDbFactory : SqliteDesignTimeFactory<SqliteOrderingDb>
{
    protected override string SchemaOf() => OrderingDb.SchemaName;
}

internal sealed class PostgresOrderingDbFactory : PostgresDesignTimeFactory<PostgresOrderingDb>
{
    protected override string SchemaOf() => OrderingDb.SchemaName;
}
