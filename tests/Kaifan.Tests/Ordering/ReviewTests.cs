using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// 评价: a customer reviews their own delivered order once within 7 days; the shop's score moves from its seeded prior
/// as if that were 20 reviews, the rider's 配送 mean goes to ops; the shop replies once; erasure keeps the stars and
/// drops the text and the name.
/// </summary>
public abstract class ReviewTests(LunchtimeApp app)
{
    /// <summary>The noodle shop's seeded score, weighed as this many reviews.</summary>
    private const double Prior = 4.7;
    private const int PriorWeight = 20;

    [Fact]
    public async Task only_the_customer_reviews_a_delivered_order_once_within_7_days_and_bad_fields_are_named()
    {
        var notYet = await app.AcceptedOrderAsync(2);
        await RefusedAsync(await ReviewAsync(2, notYet, Stars(5)), HttpStatusCode.Conflict, "status");
        await DeliverAsync(notYet, rider: 1);

        (await ReviewAsync(3, notYet, Stars(5))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another customer's order is not there");
        await InvalidAsync(await ReviewAsync(2, notYet, Stars(5) with { overall = 0 }), "overall");
        await InvalidAsync(await ReviewAsync(2, notYet, Stars(5) with { delivery = 6 }), "delivery");
        await InvalidAsync(await ReviewAsync(2, notYet, Stars(5) with { tags = ["好吃"] }), "tags");
        await InvalidAsync(await ReviewAsync(2, notYet, Stars(5) with { text = new string('好', 301) }), "text");
        (await app.CustomerViewAsync(notYet, 2))["canReview"]!.GetValue<bool>().ShouldBeTrue();

        var written = await ReviewAsync(2, notYet, Stars(4) with { tags = ["味道赞", "洒漏"], text = " 面很筋道 " });
        written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        var review = await JsonOf(written);
        (review["overall"]!.GetValue<int>(), review["text"]!.GetValue<string>()).ShouldBe((4, "面很筋道"));
        review["author"]!.GetValue<string>().ShouldMatch(@"^\p{IsCJKUnifiedIdeographs}\*\*$", "the surname and two stars");

        await RefusedAsync(await ReviewAsync(2, notYet, Stars(3)), HttpStatusCode.Conflict, "review");
        var page = await app.CustomerViewAsync(notYet, 2);
        (page["canReview"]!.GetValue<bool>(), page["review"]!["overall"]!.GetValue<int>()).ShouldBe((false, 4));

        var late = await app.AcceptedOrderAsync(2);
        await DeliverAsync(late, rider: 1);
        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        (await app.CustomerViewAsync(late, 2))["canReview"]!.GetValue<bool>().ShouldBeTrue("still inside the 7 days");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await app.CustomerViewAsync(late, 2))["canReview"]!.GetValue<bool>().ShouldBeFalse();
        await RefusedAsync(await ReviewAsync(2, late, Stars(5)), HttpStatusCode.UnprocessableEntity, "deliveredAt");
    }

    [Fact]
    public async Task the_shop_score_moves_from_its_prior_and_the_rider_gets_the_mean_of_the_delivery_stars()
    {
        var first = await app.AcceptedOrderAsync(3);
        await DeliverAsync(first, rider: 2);
        var second = await app.AcceptedOrderAsync(3);
        await DeliverAsync(second, rider: 2);

        (await ReviewAsync(3, first, Stars(1) with { delivery = 2 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ScoreSettledAsync();
        (await ReviewAsync(3, second, Stars(5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (score, count) = await ScoreSettledAsync();

        var reviews = await JsonOf(await app.Client(TestTokens.Customer(3)).GetAsync($"/api/merchants/{Shop}/reviews"));
        var overall = reviews["newest"]!.AsArray().Select(r => r!["overall"]!.GetValue<int>()).ToList();
        count.ShouldBe(overall.Count);
        var expected = Math.Round(((Prior * PriorWeight) + overall.Sum()) / (PriorWeight + overall.Count), 1, MidpointRounding.AwayFromZero);
        score.ShouldBe(expected, 1e-9, "the reviews' mean shrunk towards the seeded 4.7");
        score.ShouldNotBe(Math.Round(overall.Average(), 1), "not the plain mean");
        var card = (await JsonOf(await app.Client(TestTokens.Customer(3)).GetAsync($"/api/zones/{DeliveryKit.EastZone}/merchants")))
            .AsArray().Single(m => m!["id"]!.GetValue<Guid>() == Shop)!;
        (card["rating"]!.GetValue<double>(), card["reviewCount"]!.GetValue<int>()).ShouldBe((score, count), "the 附近商家 card shows the same score");

        await PaymentProbe.EventuallyAsync(
            async () => await RiderRatingAsync(2) is { } rider && rider["ratingCount"]!.GetValue<int>() == 2,
            "dispatch counts both reviews of rider 2");
        var rated = (await RiderRatingAsync(2))!;
        rated["rating"]!.GetValue<double>().ShouldBe(3.5, "(2 + 5) / 2");
    }

    [Fact]
    public async Task the_shop_replies_once_within_200_characters_and_only_to_its_own_reviews()
    {
        var id = await app.DeliveredOrderAsync(4, rider: 3);
        var review = await JsonOf(await ReviewAsync(4, id, Stars(2) with { tags = ["偏咸"], text = "太咸了", anonymous = true }));
        review["author"].ShouldBeNull("匿名评价 names nobody");
        var reviewId = review["id"]!.GetValue<Guid>();
        (await app.Staff().GetFromJsonAsync<JsonArray>("/api/merchant/reviews"))!.ShouldContain(r => r!["id"]!.GetValue<Guid>() == reviewId);

        (await app.Staff(2).PostAsJsonAsync($"/api/merchant/reviews/{reviewId}/reply", new { text = "抱歉" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await InvalidAsync(await app.Staff().PostAsJsonAsync($"/api/merchant/reviews/{reviewId}/reply", new { text = " " }), "text");
        await InvalidAsync(await app.Staff().PostAsJsonAsync($"/api/merchant/reviews/{reviewId}/reply", new { text = new string('歉', 201) }), "text");
        var replied = await app.Staff().PostAsJsonAsync($"/api/merchant/reviews/{reviewId}/reply", new { text = "抱歉，已提醒后厨少放盐" });
        replied.StatusCode.ShouldBe(HttpStatusCode.OK, await replied.Content.ReadAsStringAsync());
        await RefusedAsync(await app.Staff().PostAsJsonAsync($"/api/merchant/reviews/{reviewId}/reply", new { text = "再说一次" }), HttpStatusCode.Conflict, "reply");

        var shown = (await JsonOf(await app.Client(TestTokens.Customer(4)).GetAsync($"/api/merchants/{Shop}/reviews")))["newest"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<Guid>() == reviewId)!;
        (shown["reply"]!.GetValue<string>(), shown["author"]).ShouldBe(("抱歉，已提醒后厨少放盐", null));
        (await app.CustomerViewAsync(id, 4))["review"]!["reply"]!.GetValue<string>().ShouldBe("抱歉，已提醒后厨少放盐");
    }

    [Fact]
    public async Task the_export_carries_the_review_and_erasure_keeps_the_stars_but_drops_the_text_and_the_name()
    {
        const int Erased = 5;
        var id = await app.DeliveredOrderAsync(Erased, rider: 4);
        var client = app.Client(TestTokens.Customer(Erased));
        var reviewId = (await JsonOf(await ReviewAsync(Erased, id, Stars(3) with { tags = ["分量足"], text = "分量很足" })))["id"]!.GetValue<Guid>();

        var export = await JsonOf(await client.GetAsync("/api/me/data-export"));
        var exported = export["sections"]!["reviews"]!.AsArray().ShouldHaveSingleItem()!;
        (exported["id"]!.GetValue<Guid>(), exported["orderId"]!.GetValue<Guid>(), exported["text"]!.GetValue<string>()).ShouldBe((reviewId, id, "分量很足"));
        (await ShopReviewAsync(reviewId))["author"]!.GetValue<string>().ShouldEndWith("**");

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var kept = await ShopReviewAsync(reviewId);
        (kept["author"], kept["text"], kept["anonymous"]!.GetValue<bool>()).ShouldBe((null, null, true));
        (kept["overall"]!.GetValue<int>(), kept["tags"]!.AsArray().Single()!.GetValue<string>()).ShouldBe((3, "分量足"), "the stars still count for the shop");
    }

    private sealed record ReviewBody(int overall, int taste, int packaging, int delivery, string[]? tags = null, string? text = null, bool anonymous = false);

    private static ReviewBody Stars(int all) => new(all, all, all, all);

    private Task<HttpResponseMessage> ReviewAsync(int customer, Guid orderId, ReviewBody body) =>
        app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/review", body);

    /// <summary>The accepted order made ready, then taken, picked up and delivered by the rider.</summary>
    private async Task DeliverAsync(Guid orderId, int rider)
    {
        (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.DeliverAsync(orderId, rider);
    }

    /// <summary>The shop's score and review count once Catalog has counted every review Ordering holds.</summary>
    private async Task<(double Score, int Count)> ScoreSettledAsync()
    {
        (double, int) header = default;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                var reviews = await JsonOf(await app.Client(TestTokens.Customer(1)).GetAsync($"/api/merchants/{Shop}/reviews"));
                var menu = (await JsonOf(await app.Client(TestTokens.Customer(1)).GetAsync($"/api/merchants/{Shop}/menu")))["merchant"]!;
                header = (menu["rating"]!.GetValue<double>(), menu["reviewCount"]!.GetValue<int>());
                return header.Item2 == reviews["count"]!.GetValue<int>();
            },
            "Catalog counted the reviews");
        return header;
    }

    /// <summary>Reviews reach Catalog and Dispatch in parallel; each recomputes a score from the rows, and none may be lost.</summary>
    [Fact]
    public async Task reviews_of_one_shop_and_rider_handled_at_once_all_count()
    {
        const int rider = 8;
        var shop = DemoCampus.MerchantId(4);
        int[] stars = [1, 2, 3, 4, 5, 5, 4, 3];
        await Task.WhenAll(stars.Select(async star =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(new Kaifan.Contracts.Events.OrderReviewed(
                Guid.NewGuid(), Guid.NewGuid(), shop, DemoCampus.RiderId(rider), star, 5, 5, star, app.Clock.GetUtcNow()));
        }));

        await PaymentProbe.EventuallyAsync(
            async () => await RiderRatingAsync(rider) is { } rated && rated["ratingCount"]!.GetValue<int>() == stars.Length,
            $"dispatch counts all {stars.Length} reviews");
        (await RiderRatingAsync(rider))!["rating"]!.GetValue<double>().ShouldBe(Math.Round(stars.Average(), 1, MidpointRounding.AwayFromZero));
        await PaymentProbe.EventuallyAsync(
            async () => (await JsonOf(await app.Client(TestTokens.Customer(3)).GetAsync($"/api/zones/{DeliveryKit.EastZone}/merchants")))
                .AsArray().Single(m => m!["id"]!.GetValue<Guid>() == shop)!["reviewCount"]!.GetValue<int>() == stars.Length,
            $"Catalog counts all {stars.Length} reviews");
    }

    private async Task<JsonNode?> RiderRatingAsync(int rider) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/riders"))!
            .SingleOrDefault(r => r!["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(rider));

    private async Task<JsonNode> ShopReviewAsync(Guid reviewId) =>
        (await JsonOf(await app.Client(TestTokens.Customer(1)).GetAsync($"/api/merchants/{Shop}/reviews")))["newest"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<Guid>() == reviewId)!;

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonOf(response))["field"]!.GetValue<string>().ShouldBe(field);
    }

    private static async Task InvalidAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await JsonOf(response))["errors"]![field].ShouldNotBeNull($"names {field}");
    }
}

public sealed class ReviewOnSqlite(LunchtimeSqliteApp app) : ReviewTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ReviewOnPostgres(LunchtimePostgresApp app) : ReviewTests(app), IClassFixture<LunchtimePostgresApp>;
