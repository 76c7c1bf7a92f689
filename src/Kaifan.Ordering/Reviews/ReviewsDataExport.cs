using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

internal sealed record ReviewExport(
    Guid Id, Guid OrderId, Guid MerchantId, int Overall, int Taste, int Packaging, int Delivery, IReadOnlyList<string> Tags, string? Text, bool Anonymous,
    DateTimeOffset CreatedAt, string? Reply, DateTimeOffset? RepliedAt);

/// <summary>Every review the person wrote, oldest first, with the shop's reply to it.</summary>
internal sealed class ReviewsDataExport(OrderingDb db) : IPersonalDataExport
{
    public string Section => "reviews";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CustomerId == userId).ToListAsync(ct);
        return reviews.OrderBy(r => r.CreatedAt)
            .Select(r => new ReviewExport(r.Id, r.OrderId, r.MerchantId, r.Overall, r.Taste, r.Packaging, r.Delivery, r.Tags, r.Text, r.Anonymous, r.CreatedAt, r.Reply, r.RepliedAt))
            .ToList();
    }
}

/// <summary>
/// The stars and tags stay (the shop's and the rider's scores are built on them and say nothing about who gave them);
/// the text, which the person wrote, goes, and the review shows 匿名用户 from then on.
/// </summary>
internal sealed class ReviewsErasure(OrderingDb db) : IPersonalDataErasure
{
    public Task<string?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Reviews.Where(r => r.CustomerId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Text, (string?)null)
            .SetProperty(r => r.AuthorName, (string?)null)
            .SetProperty(r => r.Anonymous, true), ct);
}
