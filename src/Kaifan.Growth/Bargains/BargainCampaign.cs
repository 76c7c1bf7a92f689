using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// 砍价免费拿 on one dish: a customer starts a bargain, friends each cut the price once, and the price reaches the floor
/// exactly at the last of <see cref="HelpersNeeded"/> helpers. Dish name and price are copied from Catalog when the
/// operator creates it, so a later menu change does not move a running bargain's goal.
/// </summary>
internal sealed class BargainCampaign
{
    public Guid Id { get; init; }
    public Guid MerchantId { get; init; }
    public required string MerchantName { get; init; }
    public Guid DishId { get; init; }
    public required string DishName { get; init; }
    public long OriginalPriceFen { get; init; }
    public long FloorPriceFen { get; init; }
    public int HelpersNeeded { get; init; }
    public int HoursToBargain { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int CouponDays { get; init; }

    /// <summary>Rewards on the way down, lowest cut first; reaching the floor always earns <see cref="FloorReward()"/> on top.</summary>
    public List<BargainTier> Tiers { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    public long CutTotalFen => OriginalPriceFen - FloorPriceFen;

    /// <summary>At the floor: a coupon worth the whole cut, spendable on an order of at least the dish's original price.</summary>
    public BargainTier FloorReward() => new() { CutPercent = 100, AmountFen = CutTotalFen, MinSpendFen = OriginalPriceFen };

    public IEnumerable<BargainTier> AllRewards() => Tiers.OrderBy(t => t.CutPercent).Append(FloorReward());

    public bool IsRunning(DateTimeOffset now) => now >= StartsAt && now < EndsAt;

    public string Status(DateTimeOffset now) => now < StartsAt ? "scheduled" : now >= EndsAt ? "ended" : "running";
}

internal sealed class BargainTier
{
    /// <summary>1–99 for a tier on the way; 100 is the floor.</summary>
    public int CutPercent { get; init; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }

    /// <summary>Whether a cut going from <paramref name="beforeFen"/> to <paramref name="afterFen"/> of <paramref name="totalFen"/> passes this tier.</summary>
    public bool CrossedBy(long beforeFen, long afterFen, long totalFen) =>
        beforeFen * 100 < CutPercent * totalFen && CutPercent * totalFen <= afterFen * 100;

    public bool ReachedAt(long cutFen, long totalFen) => CutPercent * totalFen <= cutFen * 100;
}

internal sealed class BargainCampaignConfiguration : IEntityTypeConfiguration<BargainCampaign>
{
    public void Configure(EntityTypeBuilder<BargainCampaign> campaign)
    {
        campaign.ToTable("growth_bargain_campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.MerchantName).HasMaxLength(100);
        campaign.Property(c => c.DishName).HasMaxLength(100);
        campaign.HasIndex(c => c.EndsAt);

        // A campaign's few tiers are only ever read with it.
        campaign.OwnsMany(c => c.Tiers, tier => tier.ToJson("Tiers"));
    }
}
