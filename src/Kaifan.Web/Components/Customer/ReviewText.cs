using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>
/// The 评价 sheet's words: the tags the API accepts (Ordering's ReviewTags; the API sends and takes them in Chinese) with
/// the resource key each is shown by, and how a reviewer is named on the shop's page.
/// </summary>
public static class ReviewText
{
    public static readonly IReadOnlyList<(string Tag, string Key)> Praise =
    [
        ("味道赞", "Review.Tag.Tasty"), ("分量足", "Review.Tag.Generous"), ("包装精美", "Review.Tag.NicePackaging"),
        ("送餐快", "Review.Tag.FastDelivery"), ("食材新鲜", "Review.Tag.Fresh"), ("骑手热情", "Review.Tag.FriendlyRider"),
    ];

    public static readonly IReadOnlyList<(string Tag, string Key)> Complaint =
    [
        ("偏咸", "Review.Tag.Salty"), ("分量少", "Review.Tag.Small"), ("洒漏", "Review.Tag.Spilled"),
        ("送餐慢", "Review.Tag.SlowDelivery"), ("不新鲜", "Review.Tag.NotFresh"), ("餐凉了", "Review.Tag.Cold"),
    ];

    /// <summary>The four kinds of stars, as the form names them and the resource key of each label.</summary>
    public static readonly IReadOnlyList<(string Field, string Key)> StarKinds =
        [("overall", "Review.Overall"), ("taste", "Review.Taste"), ("packaging", "Review.Packaging"), ("delivery", "Review.Delivery")];

    public static string Tag(string tag, IStringLocalizer<Strings> l) =>
        Praise.Concat(Complaint).FirstOrDefault(t => t.Tag == tag) is { Key: not null } known ? l[known.Key] : tag;

    public static string Author(ReviewInfo review, IStringLocalizer<Strings> l) => review.Author ?? l["Review.AnonymousUser"];

    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);
}
