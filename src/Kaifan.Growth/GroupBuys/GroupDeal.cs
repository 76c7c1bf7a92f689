using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// 拼团: one of a merchant's dishes is cheaper when GroupSize customers buy it together within WindowMinutes of the
/// group opening. The merchant or the operator sets it up; stopping it lets no new group open, while groups already
/// open keep their price and window.
/// </summary>
internal sealed class GroupDeal
{
    public Guid Id { get; init; }
    public Guid MerchantId { get; init; }
    public Guid ItemId { get; init; }

    /// <summary>Names and the list price when the deal was made, for the lists; orders are priced from the menu.</summary>
    public required string MerchantName { get; init; }
    public required string ItemName { get; init; }
    public long ListPriceFen { get; init; }
    public long GroupPriceFen { get; init; }
    public int GroupSize { get; init; }
    public int WindowMinutes { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsOpenableAt(DateTimeOffset now) => StoppedAt is null && now >= StartsAt && now < EndsAt;

    public string StatusAt(DateTimeOffset now) =>
        StoppedAt is not null ? "stopped" : now < StartsAt ? "scheduled" : now >= EndsAt ? "ended" : "running";

    public void Stop(DateTimeOffset at) => StoppedAt ??= at;
}

internal sealed class GroupDealConfiguration : IEntityTypeConfiguration<GroupDeal>
{
    public void Configure(EntityTypeBuilder<GroupDeal> deal)
    {
        deal.ToTable("growth_group_deals");
        deal.HasKey(d => d.Id);
        deal.Property(d => d.Id).ValueGeneratedNever();
        deal.Property(d => d.ItemName).HasMaxLength(100);
        deal.Property(d => d.MerchantName).HasMaxLength(100);
        deal.HasIndex(d => new { d.MerchantId, d.ItemId });
    }
}

internal static class GroupBuyRules
{
    public const int MinSize = 2;
    public const int MaxSize = 5;
    public const int MinWindowMinutes = 10;
    public const int MaxWindowMinutes = 120;
    public const string GroupField = "groupId";
    public const string DealField = "dealId";
}
