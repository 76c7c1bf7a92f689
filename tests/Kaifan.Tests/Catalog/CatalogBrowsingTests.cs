using System.Net;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Catalog.CatalogTestKit;

namespace Kaifan.Tests.Catalog;

/// <summary>Customers browsing before they sign in. This class owns its fixture's clock and moves it per test.</summary>
public abstract class CatalogBrowsingTests(KaifanApp app)
{
    [Fact]
    public async Task the_two_campus_zones_are_listed_with_their_fee_rules()
    {
        var zones = (await app.Client().Json("/api/zones")).EnumerateArray().ToList();

        zones.Select(z => z.GetProperty("id").GetGuid()).ShouldBe([Zone(1), Zone(2)], ignoreOrder: true);
        zones.ShouldAllBe(z => z.GetProperty("baseDeliveryFeeFen").GetInt64() == 300 && z.GetProperty("maxDistanceKm").GetDouble() == 5);
    }

    [Fact]
    public async Task at_noon_the_day_shops_are_open_and_the_night_barbecue_is_listed_last_as_closed_until_five()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);

        var east = (await app.Client().Json($"/api/zones/{Zone(1)}/merchants")).EnumerateArray().ToList();
        east.Select(Id).ShouldBe([Merchant(1), Merchant(2), Merchant(3), Merchant(4), Merchant(5)], ignoreOrder: true);
        east.ShouldAllBe(m => m.GetProperty("isOpenNow").GetBoolean());

        var west = (await app.Client().Json($"/api/zones/{Zone(2)}/merchants")).EnumerateArray().ToList();
        west.Count.ShouldBe(3);
        var night = west[^1];
        Id(night).ShouldBe(Merchant(8));
        night.GetProperty("isOpenNow").GetBoolean().ShouldBeFalse();
        night.GetProperty("nextOpensAt").GetString().ShouldBe("17:00");
        west[..^1].ShouldAllBe(m => m.GetProperty("isOpenNow").GetBoolean() && m.GetProperty("nextOpensAt").ValueKind == JsonValueKind.Null);
        west[0].GetProperty("deliveryFeeFromFen").GetInt64().ShouldBeGreaterThanOrEqualTo(300);
        west[0].GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task after_midnight_only_the_night_barbecue_is_open_because_its_slot_runs_past_midnight()
    {
        app.SetShanghaiTime(DayOfWeek.Thursday, 1, 30);

        var west = (await app.Client().Json($"/api/zones/{Zone(2)}/merchants")).EnumerateArray().ToList();

        Id(west[0]).ShouldBe(Merchant(8));
        west[0].GetProperty("isOpenNow").GetBoolean().ShouldBeTrue();
        var pancakes = west.Single(m => Id(m) == Merchant(6));
        pancakes.GetProperty("isOpenNow").GetBoolean().ShouldBeFalse();
        pancakes.GetProperty("nextOpensAt").GetString().ShouldBe("07:00");
        west.Single(m => Id(m) == Merchant(7)).GetProperty("nextOpensAt").GetString().ShouldBe("09:00");
    }

    [Fact]
    public async Task searching_by_a_dish_or_shop_name_finds_only_the_shops_that_match()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);
        var client = app.Client();

        var byDish = (await client.Json($"/api/zones/{Zone(1)}/merchants?q={Uri.EscapeDataString("珍珠奶茶")}")).EnumerateArray().Select(Id).ToList();
        byDish.ShouldBe([Merchant(5)]);

        var byName = (await client.Json($"/api/zones/{Zone(1)}/merchants?q={Uri.EscapeDataString("沙县")}")).EnumerateArray().Select(Id).ToList();
        byName.ShouldBe([Merchant(4)]);

        (await client.Json($"/api/zones/{Zone(1)}/merchants?q=nothing-like-this")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task sorting_by_minimum_order_sales_or_rating_orders_the_open_shops_accordingly()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);
        var client = app.Client();

        var minimum = (await client.Json($"/api/zones/{Zone(1)}/merchants?sort=minimum")).EnumerateArray().Select(m => m.GetProperty("minimumOrderFen").GetInt64()).ToList();
        minimum.ShouldBe(minimum.Order().ToList());

        var sales = (await client.Json($"/api/zones/{Zone(1)}/merchants?sort=sales")).EnumerateArray().Select(m => m.GetProperty("monthlySales").GetInt32()).ToList();
        sales.ShouldBe(sales.OrderDescending().ToList());

        var rating = (await client.Json($"/api/zones/{Zone(1)}/merchants?sort=rating")).EnumerateArray().Select(m => m.GetProperty("rating").GetDouble()).ToList();
        rating.ShouldBe(rating.OrderDescending().ToList());

        var unknown = await client.GetAsync($"/api/zones/{Zone(1)}/merchants?sort=cheapest-first");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("\"sort\"");
    }

    [Fact]
    public async Task the_filter_conditions_keep_only_the_shops_that_meet_them_all()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);
        var client = app.Client();
        var west = (await client.Json($"/api/zones/{Zone(2)}/merchants")).EnumerateArray().ToList();

        var open = (await client.Json($"/api/zones/{Zone(2)}/merchants?openNow=true")).EnumerateArray().Select(Id).ToList();
        open.ShouldBe(west.Where(m => m.GetProperty("isOpenNow").GetBoolean()).Select(Id).ToList());
        open.ShouldNotContain(Merchant(8));

        var cheapest = west.Min(m => m.GetProperty("minimumOrderFen").GetInt64());
        var fastest = west.Min(m => m.GetProperty("deliveryMinutes").GetInt32());
        var best = west.Max(m => m.GetProperty("rating").GetDouble());
        (await client.Json(FormattableString.Invariant($"/api/zones/{Zone(2)}/merchants?maxMinimumFen={cheapest}"))).EnumerateArray()
            .ShouldAllBe(m => m.GetProperty("minimumOrderFen").GetInt64() == cheapest);
        (await client.Json(FormattableString.Invariant($"/api/zones/{Zone(2)}/merchants?maxMinutes={fastest}"))).EnumerateArray()
            .ShouldAllBe(m => m.GetProperty("deliveryMinutes").GetInt32() == fastest);
        var both = (await client.Json(FormattableString.Invariant($"/api/zones/{Zone(2)}/merchants?minRating={best}&maxMinimumFen={cheapest}"))).EnumerateArray().Select(Id).ToList();
        both.ShouldBe(west.Where(m => m.GetProperty("rating").GetDouble() >= best && m.GetProperty("minimumOrderFen").GetInt64() <= cheapest).Select(Id).ToList());

        foreach (var (query, field) in new[] { ("minRating=6", "minRating"), ("maxMinimumFen=-1", "maxMinimumFen"), ("maxMinutes=0", "maxMinutes") })
        {
            var refused = await client.GetAsync($"/api/zones/{Zone(2)}/merchants?{query}");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain($"\"{field}\"");
        }
    }

    [Fact]
    public async Task an_unknown_zone_or_merchant_answers_404_problem()
    {
        var client = app.Client();

        var zone = await client.GetAsync($"/api/zones/{Guid.NewGuid()}/merchants");
        zone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        zone.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        (await client.GetAsync($"/api/merchants/{Guid.NewGuid()}/menu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_menu_shows_categories_option_groups_calories_and_sold_out_dishes()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);

        var menu = await app.Client().Menu(3);

        var header = menu.GetProperty("merchant");
        header.GetProperty("name").GetString().ShouldBe("黄焖鸡米饭");
        header.GetProperty("packagingFeeFen").GetInt64().ShouldBe(100);
        header.GetProperty("isOpenNow").GetBoolean().ShouldBeTrue();
        header.GetProperty("announcement").GetString().ShouldNotBeNullOrEmpty();
        menu.GetProperty("categories").GetArrayLength().ShouldBe(3);

        var chicken = menu.Items().Single(i => i.GetProperty("name").GetString() == "黄焖鸡米饭");
        chicken.GetProperty("priceFen").GetInt64().ShouldBe(1800);
        chicken.GetProperty("calories").GetInt32().ShouldBe(880);
        var groups = chicken.GetProperty("optionGroups").EnumerateArray().ToList();
        groups[0].GetProperty("name").GetString().ShouldBe("辣度");
        groups[0].GetProperty("required").GetBoolean().ShouldBeTrue();
        groups[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["不辣", "微辣", "中辣", "特辣"]);
        var large = groups[1].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "大份");
        large.GetProperty("priceDeltaFen").GetInt64().ShouldBe(300);
        large.GetProperty("caloriesDelta").GetInt32().ShouldBeGreaterThan(0);

        var soldOut = menu.Items().Single(i => i.GetProperty("soldOut").GetBoolean());
        soldOut.GetProperty("stock").GetInt32().ShouldBe(0);
        menu.Items().ShouldAllBe(i => i.GetProperty("calories").GetInt32() > 0);
    }

    private static Guid Id(JsonElement card) => card.GetProperty("id").GetGuid();
}

public sealed class CatalogBrowsingOnSqlite(SqliteApp app) : CatalogBrowsingTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogBrowsingOnPostgres(PostgresApp app) : CatalogBrowsingTests(app), IClassFixture<PostgresApp>;
