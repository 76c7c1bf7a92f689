using Kaifan.Catalog.Model;
using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Attributes;

namespace Kaifan.Catalog.Reviews;

/// <summary>One review's overall stars as Catalog counts them; keyed by the review, so a redelivered event counts once.</summary>
internal sealed class MerchantReviewScore
{
    public Guid ReviewId { get; init; }
    public Guid MerchantId { get; init; }
    public int Overall { get; init; }
}

internal sealed class MerchantReviewScoreConfiguration : IEntityTypeConfiguration<MerchantReviewScore>
{
    public void Configure(EntityTypeBuilder<MerchantReviewScore> score)
    {
        score.ToTable("catalog_merchant_review_scores");
        score.HasKey(s => s.ReviewId);
        score.Property(s => s.ReviewId).ValueGeneratedNever();
        score.HasIndex(s => s.MerchantId);
    }
}

/// <summary>
/// A shop's score is the mean of its reviews' overall stars, one decimal, shrunk towards its prior (the figure it came
/// with) as if the prior were <see cref="PriorWeight"/> reviews: a shop with a handful of reviews is not swung by one.
/// A shop without a prior (onboarded, not seeded) shows the plain mean.
/// </summary>
internal static class MerchantRating
{
    public const int PriorWeight = 20;

    public static double Of(double? prior, int count, int sum) => prior is { } p
        ? Math.Round(((p * PriorWeight) + sum) / (PriorWeight + count), 1, MidpointRounding.AwayFromZero)
        : count == 0 ? 0 : Math.Round((double)sum / count, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Records the review's stars once and recomputes the shop's score and review count from all of them. Reviews of one shop
/// are handled in parallel: the shop's row is locked first (a no-op update), so each count includes the reviews committed
/// before it and none is lost.
/// </summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class UpdateMerchantRatingWhenReviewed
{
    public static async Task Handle(OrderReviewed e, IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Merchants.Where(m => m.Id == e.MerchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReviewCount, m => m.ReviewCount), ct) == 0
            || await db.MerchantReviewScores.AnyAsync(s => s.ReviewId == e.ReviewId, ct))
        {
            return;
        }

        var merchant = await db.Merchants.SingleAsync(m => m.Id == e.MerchantId, ct);
        db.MerchantReviewScores.Add(new MerchantReviewScore { ReviewId = e.ReviewId, MerchantId = e.MerchantId, Overall = e.Overall });
        var earlier = await db.MerchantReviewScores.Where(s => s.MerchantId == e.MerchantId).Select(s => s.Overall).ToListAsync(ct);
        merchant.ReviewCount = earlier.Count + 1;
        merchant.Rating = MerchantRating.Of(merchant.PriorRating, merchant.ReviewCount, earlier.Sum() + e.Overall);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
