using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>
/// 晒图返现 of one shop: a review with at least one photo, of a delivered order placed inside the window that paid at
/// least MinOrderFen, with at least MinTextLength characters of text, may earn AmountFen back once the shop or the
/// operator approves it. Paid only rises through a conditional update, so parallel approvals never pass Budget.
/// </summary>
internal sealed class PhotoCashbackCampaign
{
    public Guid Id { get; init; }
    public Guid MerchantId { get; init; }
    public long AmountFen { get; init; }
    public long MinOrderFen { get; init; }
    public int MinTextLength { get; init; }
    public int Budget { get; init; }
    public int Paid { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>"merchant" or "operator": who offered it.</summary>
    public required string OfferedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool Covers(long paidFen, int photoCount, int textLength, DateTimeOffset placedAt) =>
        photoCount >= 1 && paidFen >= MinOrderFen && textLength >= MinTextLength && placedAt >= StartsAt && placedAt < EndsAt;
}

internal enum ClaimStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A photo review a campaign covers, waiting for (or given) the shop's decision; one per order.</summary>
internal sealed class PhotoCashbackClaim
{
    public const int MaxReasonLength = 100;

    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid MerchantId { get; init; }
    public Guid ReviewId { get; init; }
    public Guid OrderId { get; init; }
    public Guid CustomerId { get; init; }
    public long AmountFen { get; init; }
    public long OrderPaidFen { get; init; }
    public int TextLength { get; init; }
    public List<Guid> PhotoIds { get; init; } = [];
    public ClaimStatus Status { get; init; }
    public string? RejectReason { get; init; }
    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
}

internal sealed class PhotoCashbackCampaignConfiguration : IEntityTypeConfiguration<PhotoCashbackCampaign>
{
    public void Configure(EntityTypeBuilder<PhotoCashbackCampaign> campaign)
    {
        campaign.ToTable("growth_photo_cashback_campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.OfferedBy).HasMaxLength(16);
        campaign.HasIndex(c => new { c.MerchantId, c.StartsAt });
    }
}

internal sealed class PhotoCashbackClaimConfiguration : IEntityTypeConfiguration<PhotoCashbackClaim>
{
    public void Configure(EntityTypeBuilder<PhotoCashbackClaim> claim)
    {
        claim.ToTable("growth_photo_cashback_claims");
        claim.HasKey(c => c.Id);
        claim.Property(c => c.Id).ValueGeneratedNever();

        // Once per order, even for a redelivered PhotoReviewPosted racing the first delivery.
        claim.HasIndex(c => c.OrderId).IsUnique();
        claim.HasIndex(c => new { c.MerchantId, c.Status });
        claim.HasIndex(c => c.CustomerId);
        claim.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        claim.Property(c => c.RejectReason).HasMaxLength(PhotoCashbackClaim.MaxReasonLength);
        claim.Property(c => c.PhotoIds).HasConversion(
                ids => string.Join(',', ids),
                stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Guid>>(
                    (a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id.GetHashCode())), ids => ids.ToList()))
            .HasMaxLength(120);
    }
}
