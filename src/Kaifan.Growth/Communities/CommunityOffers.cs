using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Communities;

/// <summary>
/// 社群价: one dish of one shop at a lower price for the community's members while the window runs, at most
/// LimitPerOrder portions an order (more portions pay the list price). Ordering asks for it through ICommunityPrices.
/// </summary>
internal sealed class CommunityPrice
{
    public Guid Id { get; init; }
    public Guid CommunityId { get; init; }
    public Guid MerchantId { get; init; }
    public required string MerchantName { get; init; }
    public Guid ItemId { get; init; }
    public required string ItemName { get; init; }

    /// <summary>The menu's price when the offer was made, for the 划线价 shown beside it.</summary>
    public long ListPriceFen { get; init; }
    public long MemberPriceFen { get; init; }
    public int LimitPerOrder { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsRunningAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;
}

/// <summary>
/// 社群券: a coupon only members may claim, once each, until Budget claims are spent. Claimed only rises through a
/// conditional update, so parallel claims never pass the budget.
/// </summary>
internal sealed class CommunityCouponPack
{
    public Guid Id { get; init; }
    public Guid CommunityId { get; init; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public int Budget { get; init; }
    public int Claimed { get; init; }
    public int CouponDays { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsRunningAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;
}

internal sealed class CommunityCouponClaim
{
    /// <summary>Also the id of the coupon it granted.</summary>
    public Guid Id { get; init; }
    public Guid PackId { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }
}

internal sealed class CommunityPriceConfiguration : IEntityTypeConfiguration<CommunityPrice>
{
    public void Configure(EntityTypeBuilder<CommunityPrice> price)
    {
        price.ToTable("growth_community_prices");
        price.HasKey(p => p.Id);
        price.Property(p => p.Id).ValueGeneratedNever();
        price.Property(p => p.MerchantName).HasMaxLength(100);
        price.Property(p => p.ItemName).HasMaxLength(100);
        price.HasIndex(p => new { p.MerchantId, p.CommunityId });
        price.HasIndex(p => p.CommunityId);
    }
}

internal sealed class CommunityCouponPackConfiguration : IEntityTypeConfiguration<CommunityCouponPack>
{
    public void Configure(EntityTypeBuilder<CommunityCouponPack> pack)
    {
        pack.ToTable("growth_community_coupon_packs");
        pack.HasKey(p => p.Id);
        pack.Property(p => p.Id).ValueGeneratedNever();
        pack.HasIndex(p => p.CommunityId);
    }
}

internal sealed class CommunityCouponClaimConfiguration : IEntityTypeConfiguration<CommunityCouponClaim>
{
    public void Configure(EntityTypeBuilder<CommunityCouponClaim> claim)
    {
        claim.ToTable("growth_community_coupon_claims");
        claim.HasKey(c => c.Id);
        claim.Property(c => c.Id).ValueGeneratedNever();
        claim.HasIndex(c => new { c.PackId, c.CustomerId }).IsUnique();
        claim.HasIndex(c => c.CustomerId);
    }
}
