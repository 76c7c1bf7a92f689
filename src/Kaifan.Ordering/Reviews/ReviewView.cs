namespace Kaifan.Ordering.Reviews;

/// <summary>
/// A review as anyone sees it: Author is 张** or null for 匿名用户 (asked for, or the author erased); CreatedAt and
/// RepliedAt are UTC. Photos link to the large copy and its thumbnail. Cashback (晒图返现) is only filled in for the
/// author and the shop, never on the public page.
/// </summary>
internal sealed record ReviewView(
    Guid Id,
    Guid OrderId,
    int Overall,
    int Taste,
    int Packaging,
    int Delivery,
    IReadOnlyList<string> Tags,
    string? Text,
    bool Anonymous,
    string? Author,
    DateTimeOffset CreatedAt,
    string? Reply,
    DateTimeOffset? RepliedAt,
    IReadOnlyList<ReviewPhotoView> Photos,
    ReviewCashbackView? Cashback)
{
    public static ReviewView Of(Review r) => Of(r, withCashback: false);

    public static ReviewView Of(Review r, bool withCashback) => new(
        r.Id, r.OrderId, r.Overall, r.Taste, r.Packaging, r.Delivery, r.Tags, r.Text, r.Anonymous, r.Anonymous ? null : r.AuthorName, r.CreatedAt, r.Reply,
        r.RepliedAt, [.. r.PhotoIds.Select(ReviewPhotoView.Of)], withCashback ? ReviewCashbackView.Of(r) : null);
}
