using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// A photo a customer uploaded for a review (晒图), re-encoded by <see cref="PhotoEncoder"/> so it carries no metadata.
/// Uploaded first and attached when the review is written (ReviewId set then, once); the random id is the only way to
/// it, so it cannot be guessed from another photo's.
/// </summary>
internal sealed class ReviewPhoto
{
    public const int MaxPerReview = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public Guid? ReviewId { get; set; }
    public required byte[] Large { get; init; }
    public required byte[] Thumbnail { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    public static string UrlOf(Guid id) => $"/api/review-photos/{id}";

    public static string ThumbnailUrlOf(Guid id) => $"/api/review-photos/{id}/thumbnail";
}

internal sealed record ReviewPhotoView(Guid Id, string Url, string ThumbnailUrl)
{
    public static ReviewPhotoView Of(Guid id) => new(id, ReviewPhoto.UrlOf(id), ReviewPhoto.ThumbnailUrlOf(id));
}

internal sealed class ReviewPhotoConfiguration : IEntityTypeConfiguration<ReviewPhoto>
{
    public void Configure(EntityTypeBuilder<ReviewPhoto> photo)
    {
        photo.ToTable("ordering_review_photos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.Id).ValueGeneratedNever();

        // Two reviews written at once with the same upload: the second one's attach finds the photo taken.
        photo.Property(p => p.ReviewId).IsConcurrencyToken();
        photo.HasIndex(p => p.ReviewId);
        photo.HasIndex(p => p.CustomerId);
    }
}
