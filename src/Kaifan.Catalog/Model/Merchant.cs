using Kaifan.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Catalog.Model;

internal sealed class Merchant
{
    public Guid Id { get; set; }

    public Guid ZoneId { get; set; }

    public string Name { get; set; } = "";

    public string Announcement { get; set; } = "";

    public string LogoEmoji { get; set; } = "";

    public double Lat { get; set; }

    public double Lon { get; set; }

    public long PackagingFeeFen { get; set; }

    public long MinimumOrderFen { get; set; }

    /// <summary>The shop's score shown on its card and page: its reviews' mean, shrunk towards PriorRating (see MerchantRating).</summary>
    public double Rating { get; set; }

    /// <summary>The score the shop came with (the demo seed's figure); null for a shop onboarded without one.</summary>
    public double? PriorRating { get; set; }

    public int ReviewCount { get; set; }

    public int MonthlySales { get; set; }

    /// <summary>休息中: the owner closed the shop by hand, whatever the opening hours say.</summary>
    public bool IsPaused { get; set; }

    public List<OpeningSlot> OpeningSlots { get; set; } = [];

    /// <summary>满减 tiers, kept while switched off so the shop can switch them on again as they were.</summary>
    public List<ReductionTier> ReductionTiers { get; set; } = [];

    public bool FullReductionOn { get; set; }

    /// <summary>新客立减: off the first order a customer places at this shop (Ordering decides who is new).</summary>
    public long NewCustomerFen { get; set; }

    public bool NewCustomerOn { get; set; }

    /// <summary>What is in force now, as checkout prices it and customers see it.</summary>
    public ShopPromotions Promotions() => new(
        FullReductionOn ? ReductionTiers.OrderBy(t => t.ThresholdFen).Select(t => new FullReductionTier(t.ThresholdFen, t.DiscountFen)).ToList() : [],
        NewCustomerOn ? NewCustomerFen : 0);

    public GeoPoint Location => new(Lat, Lon);
}

internal sealed class ReductionTier
{
    public long ThresholdFen { get; set; }

    public long DiscountFen { get; set; }
}

/// <summary>Opening hours in Asia/Shanghai local time; Close &lt;= Open means the slot ends on the next day.</summary>
internal sealed class OpeningSlot
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Open { get; set; }

    public TimeOnly Close { get; set; }
}

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.ToTable("catalog_merchants");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(40);
        b.Property(m => m.Announcement).HasMaxLength(200);
        b.Property(m => m.LogoEmoji).HasMaxLength(16);
        b.Ignore(m => m.Location);
        b.HasIndex(m => m.ZoneId);
        b.OwnsMany(m => m.ReductionTiers, t => t.ToJson("ReductionTiers"));
        b.HasMany(m => m.OpeningSlots).WithOne().HasForeignKey(s => s.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpeningSlotConfiguration : IEntityTypeConfiguration<OpeningSlot>
{
    public void Configure(EntityTypeBuilder<OpeningSlot> b)
    {
        b.ToTable("catalog_opening_slots");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => s.MerchantId);
        b.Property(s => s.Day).HasConversion<int>();
    }
}
