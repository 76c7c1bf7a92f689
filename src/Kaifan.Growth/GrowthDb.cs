using Kaifan.BuildingBlocks.Storage;
using Kaifan.Growth.Bargains;
using Kaifan.Growth.Communities;
using Kaifan.Growth.GroupBuys;
using Kaifan.Growth.LuckyWheel;
using Kaifan.Growth.PhotoCashback;
using Kaifan.Growth.Presales;
using Kaifan.Growth.Referrals;
using Kaifan.Growth.SecretCodes;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth;

/// <summary>
/// The Growth module's tables; schema "growth" on PostgreSQL. Public only because Wolverine's generated handler code
/// must name it; the entities stay internal.
/// </summary>
public abstract class GrowthDb(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "growth";

    internal DbSet<SecretCode> SecretCodes => Set<SecretCode>();

    internal DbSet<SecretCodeClaim> SecretCodeClaims => Set<SecretCodeClaim>();

    internal DbSet<InviteCode> InviteCodes => Set<InviteCode>();

    internal DbSet<Referral> Referrals => Set<Referral>();
    internal DbSet<Wheel> Wheels => Set<Wheel>();

    internal DbSet<WheelPrize> WheelPrizes => Set<WheelPrize>();

    internal DbSet<WheelDay> WheelDays => Set<WheelDay>();

    internal DbSet<WheelSpin> WheelSpins => Set<WheelSpin>();

    internal DbSet<WheelShare> WheelShares => Set<WheelShare>();

    internal DbSet<WheelShareCode> WheelShareCodes => Set<WheelShareCode>();
    internal DbSet<BargainCampaign> BargainCampaigns => Set<BargainCampaign>();

    internal DbSet<Bargain> Bargains => Set<Bargain>();

    internal DbSet<BargainCut> BargainCuts => Set<BargainCut>();

    internal DbSet<BargainReward> BargainRewards => Set<BargainReward>();
    internal DbSet<GroupDeal> GroupDeals => Set<GroupDeal>();

    internal DbSet<GroupBuy> Groups => Set<GroupBuy>();

    internal DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    internal DbSet<GroupDeparture> GroupDepartures => Set<GroupDeparture>();
    internal DbSet<Community> Communities => Set<Community>();

    internal DbSet<CommunityMember> CommunityMembers => Set<CommunityMember>();

    internal DbSet<CommunityPrice> CommunityPrices => Set<CommunityPrice>();

    internal DbSet<CommunityCouponPack> CommunityCouponPacks => Set<CommunityCouponPack>();

    internal DbSet<CommunityCouponClaim> CommunityCouponClaims => Set<CommunityCouponClaim>();

    internal DbSet<PhotoCashbackCampaign> PhotoCashbackCampaigns => Set<PhotoCashbackCampaign>();

    internal DbSet<PhotoCashbackClaim> PhotoCashbackClaims => Set<PhotoCashbackClaim>();

    internal DbSet<Presale> Presales => Set<Presale>();

    internal DbSet<PresaleEntry> PresaleEntries => Set<PresaleEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GrowthDb).Assembly);
    }
}

public sealed class SqliteGrowthDb(DbContextOptions<SqliteGrowthDb> options) : GrowthDb(options);

public sealed class PostgresGrowthDb(DbContextOptions<PostgresGrowthDb> options) : GrowthDb(options);

internal sealed class SqliteGrowthDbFactory : SqliteDesignTimeFactory<SqliteGrowthDb>
{
    protected override string SchemaOf() => GrowthDb.SchemaName;
}

internal sealed class PostgresGrowthDbFactory : PostgresDesignTimeFactory<PostgresGrowthDb>
{
    protected override string SchemaOf() => GrowthDb.SchemaName;
}
