using Kaifan.BuildingBlocks.Storage;
using Kaifan.Identity.Addresses;
using Kaifan.Identity.Audit;
using Kaifan.Identity.Consents;
using Kaifan.Identity.SignIn;
using Kaifan.Identity.Users;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity;

/// <summary>The Identity module's tables; schema "identity" on PostgreSQL.</summary>
internal abstract class IdentityDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "identity";

    public DbSet<User> Users => Set<User>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Consent> Consents => Set<Consent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
    }
}

internal sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

internal sealed class PostgresIdentityDb(DbContextOptions<PostgresIdentityDb> options) : IdentityDb(options);

internal sealed class SqliteIdentityDbFactory : SqliteDesignTimeFactory<SqliteIdentityDb>
{
    protected override string SchemaOf() => IdentityDb.SchemaName;
}

internal sealed class PostgresIdentityDbFactory : PostgresDesignTimeFactory<PostgresIdentityDb>
{
    protected override string SchemaOf() => IdentityDb.SchemaName;
}
