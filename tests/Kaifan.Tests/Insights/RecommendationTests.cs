using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Insights;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Insights;

/// <summary>
/// 猜你喜欢 over HTTP: learns from the customer's own orders only with their 个性化推荐 consent, never lists a closed shop,
/// and records what the shelf showed, what was clicked and which showing an order followed.
/// </summary>
public abstract class RecommendationTests(KaifanApp app)
{
    private static readonly Guid East = DemoCampus.ZoneId(1);

    [Fact]
    public async Task the_shop_a_customer_ordered_from_ranks_first_with_their_consent_and_their_history_is_unused_without_it()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(customer));
        await ConsentAsync(client, granted: true);

        // Exploration alone may put the shop on top by chance before the order's event reaches Insights; the customer's
        // own history is what says "again".
        await PaymentProbe.EventuallyAsync(async () => (await ShelfAsync(client))["shops"]![0] is { } top
                && top["merchantId"]!.GetValue<Guid>() == OrderingKit.Shop && top["reason"]!.GetValue<string>() == "again",
            "the noodle shop tops the customer's shelf for their own orders", seconds: 60);
        for (var i = 0; i < 5; i++)
        {
            var shelf = await ShelfAsync(client);
            shelf["personalised"]!.GetValue<bool>().ShouldBeTrue();
            shelf["shops"]![0]!["merchantId"]!.GetValue<Guid>().ShouldBe(OrderingKit.Shop);
            shelf["shops"]![0]!["reason"]!.GetValue<string>().ShouldBe("again");
        }

        await ConsentAsync(client, granted: false);
        for (var i = 0; i < 5; i++)
        {
            var shelf = await ShelfAsync(client);
            shelf["personalised"]!.GetValue<bool>().ShouldBeFalse();
            shelf["shops"]!.AsArray().ShouldNotBeEmpty();
            shelf["shops"]!.AsArray().ShouldNotContain(s => s!["reason"]!.GetValue<string>() == "again");
        }
    }

    [Fact]
    public async Task a_shop_that_is_resting_never_appears_on_the_shelf()
    {
        var client = app.Client(TestTokens.Customer(1));
        var open = (await ShelfAsync(client, limit: 20))["shops"]!.AsArray().Select(s => s!["merchantId"]!.GetValue<Guid>()).ToList();
        var resting = open.First(id => id != OrderingKit.Shop);
        var merchant = Enumerable.Range(1, DemoCampus.MerchantCount).First(n => DemoCampus.MerchantId(n) == resting);
        var staff = app.Client(TestTokens.MerchantStaff(merchant));
        (await staff.PutAsJsonAsync($"/api/merchants/{resting}/status", new { paused = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var shown = (await ShelfAsync(client, limit: 20))["shops"]!.AsArray().Select(s => s!["merchantId"]!.GetValue<Guid>()).ToList();
                shown.ShouldNotContain(resting);
                shown.Count.ShouldBe(open.Count - 1);
            }
        }
        finally
        {
            await staff.PutAsJsonAsync($"/api/merchants/{resting}/status", new { paused = false });
        }
    }

    [Fact]
    public async Task the_shelf_reports_what_it_showed_a_click_and_the_order_that_followed_and_they_are_the_customers_data()
    {
        const int customer = 4;
        var client = app.Client(TestTokens.Customer(customer));
        var other = (await ShelfAsync(client, limit: 20))["shops"]!.AsArray().Select(s => s!["merchantId"]!.GetValue<Guid>()).First(id => id != OrderingKit.Shop);

        (await client.PostAsJsonAsync("/api/recommendations/impressions", new { merchantIds = new[] { OrderingKit.Shop, other } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync("/api/recommendations/clicks", new { merchantId = OrderingKit.Shop })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var order = OrderingKit.IdOf(await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(customer)));

        await PaymentProbe.EventuallyAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InsightsDb>().ShopImpressions
                .AnyAsync(i => i.CustomerId == DemoCampus.CustomerId(customer) && i.MerchantId == OrderingKit.Shop && i.ConvertedOrderId == order);
        }, "the order converts the noodle shop's showing", seconds: 60);

        var section = JsonNode.Parse(await client.GetStringAsync("/api/me/data-export"))!["sections"]!["recommendations"]!;
        var shown = section["shownShops"]!.AsArray();
        shown.Count.ShouldBe(2);
        var noodles = shown.Single(s => s!["merchantId"]!.GetValue<Guid>() == OrderingKit.Shop)!;
        noodles["clickedAt"].ShouldNotBeNull();
        noodles["convertedOrderId"]!.GetValue<Guid>().ShouldBe(order);
        shown.Single(s => s!["merchantId"]!.GetValue<Guid>() == other)!["convertedOrderId"].ShouldBeNull();
        section["orderedShops"]!.AsArray().ShouldContain(o => o!["orderId"]!.GetValue<Guid>() == order);
    }

    [Fact]
    public async Task the_shelf_is_for_signed_in_customers_and_bad_reports_are_refused()
    {
        (await app.Client().GetAsync($"/api/recommendations/shops?zoneId={East}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var client = app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));
        (await client.GetAsync($"/api/recommendations/shops?zoneId={East}&limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/recommendations/impressions", new { merchantIds = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tooMany = Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToArray();
        (await client.PostAsJsonAsync("/api/recommendations/impressions", new { merchantIds = tooMany })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var fresh = await ShelfAsync(client);
        fresh["personalised"]!.GetValue<bool>().ShouldBeFalse("a purpose never decided counts as refused");
        var open = (await client.GetFromJsonAsync<JsonArray>($"/api/zones/{East}/merchants"))!.Count(m => m!["isOpenNow"]!.GetValue<bool>());
        fresh["shops"]!.AsArray().Count.ShouldBe(Math.Min(6, open));
    }

    private static async Task<JsonNode> ShelfAsync(HttpClient client, int limit = 6)
    {
        var response = await client.GetAsync($"/api/recommendations/shops?zoneId={East}&limit={limit}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response));
    }

    private static async Task ConsentAsync(HttpClient client, bool granted) =>
        (await client.PutAsJsonAsync($"/api/me/consents/{ConsentPurposes.Personalisation}", new { granted })).StatusCode.ShouldBe(HttpStatusCode.OK);
}

public sealed class RecommendationOnSqlite(LunchtimeSqliteApp app) : RecommendationTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RecommendationOnPostgres(LunchtimePostgresApp app) : RecommendationTests(app), IClassFixture<LunchtimePostgresApp>;
