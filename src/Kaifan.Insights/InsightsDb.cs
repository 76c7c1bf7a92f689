using Kaifan.BuildingBlocks.Storage;
using Kaifan.Insights.OnTime;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights;

/// <summary>
/// The Insights module's tables; schema "insights" on PostgreSQL. Public only because Wolverine's generated
/// handler code must name it; the entities stay internal.
/// </summary>
public abstract class InsightsDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "insights";

    internal DbSet<OrderTimeline> Timelines => Set<OrderTimeline>();

    internal DbSet<OnTimeAlert> Alerts => Set<OnTimeAlert>();

    internal DbSet<Planning.ImportedVolume> ImportedVolumes => Set<Planning.ImportedVolume>();

    internal DbSet<Segments.CustomerOrder> CustomerOrders => Set<Segments.CustomerOrder>();

    internal DbSet<Segments.CustomerOrderRefund> CustomerOrderRefunds => Set<Segments.CustomerOrderRefund>();

    internal DbSet<Segments.CustomerProfile> CustomerProfiles => Set<Segments.CustomerProfile>();

    internal DbSet<Campaigns.Campaign> Campaigns => Set<Campaigns.Campaign>();

    internal DbSet<Campaigns.CampaignGrant> CampaignGrants => Set<Campaigns.CampaignGrant>();

    internal DbSet<Campaigns.CampaignRun> CampaignRuns => Set<Campaigns.CampaignRun>();

    internal DbSet<Recommendations.ShopImpression> ShopImpressions => Set<Recommendations.ShopImpression>();

    internal DbSet<Recommendations.ShopOrder> ShopOrders => Set<Recommendations.ShopOrder>();

    internal DbSet<Experiments.Experiment> Experiments => Set<Experiments.Experiment>();

    internal DbSet<Experiments.ExperimentExposure> ExperimentExposures => Set<Experiments.ExperimentExposure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InsightsDb).Assembly);
    }
}

public sealed class SqliteInsightsDb(DbContextOptions<SqliteInsightsDb> options) : InsightsDb(options);

public sealed class PostgresInsightsDb(DbContextOptions<PostgresInsightsDb> options) : InsightsDb(options);

internal sealed class SqliteInsightsDbFactory : SqliteDesignTimeFactory<SqliteInsightsDb>
{
    protected override string SchemaOf() => InsightsDb.SchemaName;
}

internal sealed class PostgresInsightsDbFactory : PostgresDesignTimeFactory<PostgresInsightsDb>
{
    protected override string SchemaOf() => InsightsDb.SchemaName;
}
