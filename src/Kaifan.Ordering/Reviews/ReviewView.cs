namespace Kaifan.Ordering.Reviews;

/// <summary>
/// A review as anyone sees it: Author is 张** or null for 匿名用户 (asked for, or the author erased); CreatedAt and
/// RepliedAt are UTC.
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
    DateTimeOffset? RepliedAt)
{
    public static ReviewView Of(Review r) => new(
        r.Id, r.OrderId, r.Overall, r.Taste, r.Packaging, r.Delivery, r.Tags, r.Text, r.Anonymous, r.Anonymous ? null : r.AuthorName, r.CreatedAt, r.Reply, r.RepliedAt);
}
