using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Bargains;

internal enum BargainStatus
{
    Running,
    FloorReached,
    Ended,
}

/// <summary>
/// One customer's 砍价 on a campaign. The goal (prices, helpers needed) is copied from the campaign when it starts.
/// Helpers only rises through a conditional update that also takes the row's write lock, so parallel cuts queue,
/// each sees the previous one's total, and none passes the floor or the helper count.
/// </summary>
internal sealed class Bargain
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid CustomerId { get; set; }

    /// <summary>The campaign while this bargain is under way, else null: unique with the customer, so one active bargain per campaign.</summary>
    public Guid? ActiveCampaignId { get; set; }
    public long OriginalPriceFen { get; init; }
    public long FloorPriceFen { get; init; }
    public int HelpersNeeded { get; init; }
    public int Helpers { get; init; }
    public long CutFen { get; private set; }
    public BargainStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public long CutTotalFen => OriginalPriceFen - FloorPriceFen;

    public long CurrentPriceFen => OriginalPriceFen - CutFen;

    /// <summary>running, floorReached or ended; a running bargain past its end reads as ended before its expiry message lands.</summary>
    public string StatusAt(DateTimeOffset now) => Status switch
    {
        BargainStatus.FloorReached => "floorReached",
        BargainStatus.Running when now < EndsAt => "running",
        _ => "ended",
    };

    public bool IsActive(DateTimeOffset now) => Status == BargainStatus.Running && now < EndsAt;

    /// <summary>Adds the cut of helper number <see cref="Helpers"/> (already counted); the last helper lands on the floor.</summary>
    public void Cut(long amountFen, DateTimeOffset now)
    {
        CutFen += amountFen;
        if (Helpers >= HelpersNeeded)
        {
            Finish(BargainStatus.FloorReached, now);
        }
    }

    public void End(DateTimeOffset now) => Finish(BargainStatus.Ended, now);

    private void Finish(BargainStatus status, DateTimeOffset now)
    {
        Status = status;
        ActiveCampaignId = null;
        FinishedAt = now;
    }
}

/// <summary>帮砍一刀: one helper's cut. (BargainId, HelperId) is unique, so a helper counts once however often they tap.</summary>
internal sealed class BargainCut
{
    public Guid Id { get; init; }
    public Guid BargainId { get; init; }
    public Guid HelperId { get; set; }
    public int Sequence { get; init; }
    public long AmountFen { get; init; }
    public DateTimeOffset CutAt { get; init; }
}

/// <summary>A tier's coupon granted to the starter; (BargainId, CutPercent) is unique, so a tier is granted once.</summary>
internal sealed class BargainReward
{
    /// <summary>Also the id of the coupon it granted.</summary>
    public Guid Id { get; init; }
    public Guid BargainId { get; init; }
    public Guid CustomerId { get; set; }
    public int CutPercent { get; init; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
}

internal sealed class BargainConfiguration : IEntityTypeConfiguration<Bargain>
{
    public void Configure(EntityTypeBuilder<Bargain> bargain)
    {
        bargain.ToTable("growth_bargains");
        bargain.HasKey(b => b.Id);
        bargain.Property(b => b.Id).ValueGeneratedNever();
        bargain.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        bargain.HasIndex(b => new { b.ActiveCampaignId, b.CustomerId }).IsUnique();
        bargain.HasIndex(b => new { b.CampaignId, b.Status });
        bargain.HasIndex(b => b.CustomerId);
    }
}

internal sealed class BargainCutConfiguration : IEntityTypeConfiguration<BargainCut>
{
    public void Configure(EntityTypeBuilder<BargainCut> cut)
    {
        cut.ToTable("growth_bargain_cuts");
        cut.HasKey(c => c.Id);
        cut.Property(c => c.Id).ValueGeneratedNever();
        cut.HasIndex(c => new { c.BargainId, c.HelperId }).IsUnique();
        cut.HasIndex(c => new { c.BargainId, c.Sequence }).IsUnique();
        cut.HasIndex(c => c.HelperId);
    }
}

internal sealed class BargainRewardConfiguration : IEntityTypeConfiguration<BargainReward>
{
    public void Configure(EntityTypeBuilder<BargainReward> reward)
    {
        reward.ToTable("growth_bargain_rewards");
        reward.HasKey(r => r.Id);
        reward.Property(r => r.Id).ValueGeneratedNever();
        reward.HasIndex(r => new { r.BargainId, r.CutPercent }).IsUnique();
        reward.HasIndex(r => r.CustomerId);
    }
}

internal static class BargainFields
{
    public const string Bargain = "bargainId";
    public const string Campaign = "campaignId";
    public const string Helper = "helper";

    /// <summary>404 naming the field, as the other refusals do.</summary>
    public static IResult NotFound(string detail, string field) => Problems.NotFoundAt(field, detail);
}
