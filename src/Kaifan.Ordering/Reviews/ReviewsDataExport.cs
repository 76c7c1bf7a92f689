using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

internal sealed record ReviewExport(
    Guid Id, Guid OrderId, Guid MerchantId, int Overall, int Taste, int Packaging, int Delivery, IReadOnlyList<string> Tags, string? Text, bool Anonymous,
    DateTimeOffset CreatedAt, string? Reply, DateTimeOffset? RepliedAt, IReadOnlyList<ReviewPhotoExport> Photos);

/// <summary>A photo the person uploaded, with the link that serves it; ReviewId is null for one never used in a review.</summary>
internal sealed record ReviewPhotoExport(Guid Id, Guid? ReviewId, string Url, DateTimeOffset UploadedAt);

/// <summary>Every review the person wrote, oldest first, with the shop's reply to it and links to its photos.</summary>
internal sealed class ReviewsDataExport(OrderingDb db) : IPersonalDataExport
{
    public string Section => "reviews";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CustomerId == userId).ToListAsync(ct);
        var photos = await db.ReviewPhotos.AsNoTracking().Where(p => p.CustomerId == userId)
            .Select(p => new { p.Id, p.ReviewId, p.UploadedAt })
            .ToListAsync(ct);
        List<ReviewPhotoExport> PhotosOf(Guid? reviewId) =>
            [.. photos.Where(p => p.ReviewId == reviewId).OrderBy(p => p.UploadedAt).Select(p => new ReviewPhotoExport(p.Id, p.ReviewId, ReviewPhoto.UrlOf(p.Id), p.UploadedAt))];
        return reviews.OrderBy(r => r.CreatedAt)
            .Select(r => new ReviewExport(
                r.Id, r.OrderId, r.MerchantId, r.Overall, r.Taste, r.Packaging, r.Delivery, r.Tags, r.Text, r.Anonymous, r.CreatedAt, r.Reply, r.RepliedAt, PhotosOf(r.Id)))
            .ToList();
    }
}

/// <summary>Every photo the person uploaded, used in a review or not, with the link that serves it.</summary>
internal sealed class ReviewPhotosDataExport(OrderingDb db) : IPersonalDataExport
{
    public string Section => "reviewPhotos";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var photos = await db.ReviewPhotos.AsNoTracking().Where(p => p.CustomerId == userId)
            .Select(p => new { p.Id, p.ReviewId, p.UploadedAt })
            .ToListAsync(ct);
        return photos.OrderBy(p => p.UploadedAt).Select(p => new ReviewPhotoExport(p.Id, p.ReviewId, ReviewPhoto.UrlOf(p.Id), p.UploadedAt)).ToList();
    }
}

/// <summary>
/// The stars and tags stay (the shop's and the rider's scores are built on them and say nothing about who gave them);
/// the text and the photos, which the person made, go, and the review shows 匿名用户 from then on. When a rider erases
/// (a rider's id is their user id), the reviews of the orders they carried no longer name them: the 配送 stars stay in
/// the shop's score but rate no rider any more (ADR 0026).
/// </summary>
internal sealed class ReviewsErasure(OrderingDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.ReviewPhotos.Where(p => p.CustomerId == userId).ExecuteDeleteAsync(ct);
        await db.Reviews.Where(r => r.CustomerId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Text, (string?)null)
            .SetProperty(r => r.AuthorName, (string?)null)
            .SetProperty(r => r.Anonymous, true)
            .SetProperty(r => r.PhotoIds, new List<Guid>())
            .SetProperty(r => r.HasPhotos, false), ct);
        await db.Reviews.Where(r => r.RiderId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RiderId, (Guid?)null), ct);
    }
}
