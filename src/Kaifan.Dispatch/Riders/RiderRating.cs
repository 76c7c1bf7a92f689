using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Riders;

/// <summary>A review's 配送 stars for the rider who carried the order; keyed by the review, so a redelivered event counts once.</summary>
internal sealed class RiderRating
{
    public Guid ReviewId { get; init; }
    public Guid RiderId { get; init; }
    public int Stars { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class RiderRatingConfiguration : IEntityTypeConfiguration<RiderRating>
{
    public void Configure(EntityTypeBuilder<RiderRating> rating)
    {
        rating.ToTable("dispatch_rider_ratings");
        rating.HasKey(r => r.ReviewId);
        rating.Property(r => r.ReviewId).ValueGeneratedNever();
        rating.HasIndex(r => r.RiderId);
    }
}

/// <summary>
/// Records the 配送 stars once and recomputes the rider profile's mean (one decimal) and count from all of them. Reviews of
/// one rider are handled in parallel: the rider's row is locked first (a no-op update), so each count includes the
/// reviews committed before it and none is lost. A rider who erased their account (注销) is rated no more.
/// </summary>
public static class RiderRatingHandler
{
    public static async Task Handle(OrderReviewed e, DispatchDb db, CancellationToken ct)
    {
        if (e.RiderId is not { } riderId
            || await db.Riders.Where(r => r.RiderId == riderId && r.ErasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.RatingCount, r => r.RatingCount), ct) == 0
            || await db.RiderRatings.AnyAsync(r => r.ReviewId == e.ReviewId, ct))
        {
            return;
        }

        var rider = await db.Riders.SingleAsync(r => r.RiderId == riderId, ct);
        db.RiderRatings.Add(new RiderRating { ReviewId = e.ReviewId, RiderId = riderId, Stars = e.Delivery, At = e.ReviewedAt });
        var earlier = await db.RiderRatings.Where(r => r.RiderId == riderId).Select(r => r.Stars).ToListAsync(ct);
        rider.RatingCount = earlier.Count + 1;
        rider.Rating = Math.Round((earlier.Sum() + e.Delivery) / (double)rider.RatingCount, 1, MidpointRounding.AwayFromZero);
        await db.SaveChangesAsync(ct);
    }
}
