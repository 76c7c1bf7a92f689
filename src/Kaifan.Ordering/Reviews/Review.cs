using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// 评价 of one delivered order. AuthorName is kept masked (张**) from the order's contact when written, so the shop's
/// page never needs the real name; null once the author is erased, shown then as 匿名用户 like an anonymous review.
/// </summary>
internal sealed partial class Review
{
    public const int MaxTextLength = 300;
    public const int MaxReplyLength = 200;

    /// <summary>Reviews open when the order is delivered and close this long after.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public Guid Id { get; init; }
    public Guid OrderId { get; init; }
    public Guid CustomerId { get; init; }
    public Guid MerchantId { get; init; }
    public Guid? RiderId { get; init; }
    public int Overall { get; init; }
    public int Taste { get; init; }
    public int Packaging { get; init; }
    public int Delivery { get; init; }
    public List<string> Tags { get; init; } = [];
    public string? Text { get; private set; }
    public bool Anonymous { get; private set; }
    public string? AuthorName { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>The review's photos in the order chosen; HasPhotos lets the 有图 filter run in the database.</summary>
    public List<Guid> PhotoIds { get; private set; } = [];
    public bool HasPhotos { get; private set; }

    public static Review Write(
        Guid orderId, Guid customerId, Guid merchantId, Guid? riderId, ReviewStars stars, IReadOnlyList<string> tags, string? text, bool anonymous,
        string contactName, IReadOnlyList<Guid> photoIds, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrderId = orderId,
        CustomerId = customerId,
        MerchantId = merchantId,
        RiderId = riderId,
        Overall = stars.Overall,
        Taste = stars.Taste,
        Packaging = stars.Packaging,
        Delivery = stars.Delivery,
        Tags = [.. tags],
        Text = text,
        Anonymous = anonymous,
        AuthorName = MaskedAuthor(contactName),
        PhotoIds = [.. photoIds],
        HasPhotos = photoIds.Count > 0,
        CreatedAt = at,
    };

    /// <summary>Erasure takes the photos with the account; the stars stay.</summary>
    public void ForgetPhotos()
    {
        PhotoIds = [];
        HasPhotos = false;
    }

    /// <summary>张伟 → 张**: the surname and a fixed two stars, so not even the name's length shows.</summary>
    public static string? MaskedAuthor(string name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim()[0] + "**";

    /// <summary>The shop answers once; false when it already has.</summary>
    public bool Answer(string reply, DateTimeOffset at)
    {
        if (Reply is not null)
        {
            return false;
        }

        Reply = reply;
        RepliedAt = at;
        return true;
    }
}

internal readonly record struct ReviewStars(int Overall, int Taste, int Packaging, int Delivery);

/// <summary>The tags a review may carry, praise and complaint, in the order the sheet shows them.</summary>
internal static class ReviewTags
{
    public static readonly IReadOnlyList<string> Praise = ["味道赞", "分量足", "包装精美", "送餐快", "食材新鲜", "骑手热情"];
    public static readonly IReadOnlyList<string> Complaint = ["偏咸", "分量少", "洒漏", "送餐慢", "不新鲜", "餐凉了"];

    public static bool IsKnown(string tag) => Praise.Contains(tag) || Complaint.Contains(tag);
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.ToTable("ordering_reviews");
        review.HasKey(r => r.Id);
        review.Property(r => r.Id).ValueGeneratedNever();

        // Once per order, even for two submissions racing: the second insert fails on this index.
        review.HasIndex(r => r.OrderId).IsUnique();
        review.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        review.HasIndex(r => r.CustomerId);
        review.HasIndex(r => r.RiderId);
        review.Property(r => r.Tags).HasConversion(
                tags => string.Join(',', tags),
                stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!), t => t.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), t => t.ToList()))
            .HasMaxLength(200);
        review.Property(r => r.Text).HasMaxLength(Review.MaxTextLength);
        review.Property(r => r.AuthorName).HasMaxLength(16);
        review.Property(r => r.Reply).HasMaxLength(Review.MaxReplyLength);
        review.Property(r => r.PhotoIds).HasConversion(
                ids => string.Join(',', ids),
                stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Guid>>(
                    (a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id.GetHashCode())), ids => ids.ToList()))
            .HasMaxLength(120);
        review.HasIndex(r => new { r.MerchantId, r.HasPhotos, r.CreatedAt });
        review.Property(r => r.CashbackStatus).HasConversion<string>().HasMaxLength(16);
        review.Property(r => r.CashbackReason).HasMaxLength(100);
    }
}
