using Kaifan.BuildingBlocks.Storage;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.Wallet;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// The Payments module's tables; schema "payments" on PostgreSQL. Public only because Wolverine's generated
/// handler code must name it; the entities stay internal.
/// </summary>
public abstract class PaymentsDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "payments";

    internal DbSet<PaymentIntent> Intents => Set<PaymentIntent>();

    internal DbSet<Refund> Refunds => Set<Refund>();

    internal DbSet<RiderTransfer> RiderTransfers => Set<RiderTransfer>();

    internal DbSet<CustomerWallet> Wallets => Set<CustomerWallet>();

    internal DbSet<WalletEntry> WalletEntries => Set<WalletEntry>();

    internal DbSet<WalletTopUp> TopUps => Set<WalletTopUp>();

    internal DbSet<BalanceRefund> BalanceRefunds => Set<BalanceRefund>();

    /// <summary>The sandbox gateway's own ledger; it stands for the external gateway's database.</summary>
    internal DbSet<SandboxTransaction> SandboxTransactions => Set<SandboxTransaction>();

    internal DbSet<SandboxRefund> SandboxRefunds => Set<SandboxRefund>();

    internal DbSet<SandboxTransfer> SandboxTransfers => Set<SandboxTransfer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDb).Assembly);
    }
}

public sealed class SqlitePaymentsDb(DbContextOptions<SqlitePaymentsDb> options) : PaymentsDb(options);

public sealed class PostgresPaymentsDb(DbContextOptions<PostgresPaymentsDb> options) : PaymentsDb(options);

internal sealed class SqlitePaymentsDbFactory : SqliteDesignTimeFactory<SqlitePaymentsDb>
{
    protected override string SchemaOf() => PaymentsDb.SchemaName;
}

internal sealed class PostgresPaymentsDbFactory : PostgresDesignTimeFactory<PostgresPaymentsDb>
{
    protected override string SchemaOf() => PaymentsDb.SchemaName;
}
