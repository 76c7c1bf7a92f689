using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Catalog.CatalogTestKit;

namespace Kaifan.Tests.Catalog;

/// <summary>Merchant staff managing their own shop; each test works on a different seeded shop.</summary>
public abstract class MerchantConsoleTests(KaifanApp app)
{
    [Fact]
    public async Task staff_change_their_own_dish_price_stock_and_listing_and_the_customer_menu_follows()
    {
        var staff = app.Client(TestTokens.MerchantStaff(2));
        var customer = app.Client();
        var potId = Item(2, 0);
        var before = (await customer.Menu(2)).FindItem(potId)!.Value;

        var edited = await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}", new
        {
            categoryId = before.GetProperty("categoryId").GetGuid(),
            name = "经典麻辣香锅（升级版）",
            description = "加量不加价",
            priceFen = 3500,
            calories = 1200,
            optionGroups = before.GetProperty("optionGroups"),
        });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);

        var pot = (await customer.Menu(2)).FindItem(potId)!.Value;
        pot.GetProperty("name").GetString().ShouldBe("经典麻辣香锅（升级版）");
        pot.GetProperty("priceFen").GetInt64().ShouldBe(3500);
        pot.GetProperty("calories").GetInt32().ShouldBe(1200);
        OptionIds(pot).ShouldBe(OptionIds(before));

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}/stock", new { stock = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.Menu(2)).FindItem(potId)!.Value.GetProperty("stock").GetInt32().ShouldBe(5);

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}/stock", new { stock = 0 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.Menu(2)).FindItem(potId)!.Value.GetProperty("soldOut").GetBoolean().ShouldBeTrue();

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}/stock", new { stock = (int?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unlimited = (await customer.Menu(2)).FindItem(potId)!.Value;
        unlimited.GetProperty("soldOut").GetBoolean().ShouldBeFalse();
        unlimited.GetProperty("stock").ValueKind.ShouldBe(JsonValueKind.Null);

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}/listing", new { listed = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.Menu(2)).FindItem(potId).ShouldBeNull();
        var console = await staff.Json($"/api/merchants/{Merchant(2)}/manage/menu");
        console.FindItem(potId)!.Value.GetProperty("isListed").GetBoolean().ShouldBeFalse();

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{potId}/listing", new { listed = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.Menu(2)).FindItem(potId).ShouldNotBeNull();
    }

    [Fact]
    public async Task staff_of_another_shop_get_404_and_change_nothing()
    {
        var intruder = app.Client(TestTokens.MerchantStaff(2));
        var noodlesId = Item(1, 0);
        var before = await app.Client().Menu(1);
        var categoryId = before.FindItem(noodlesId)!.Value.GetProperty("categoryId").GetGuid();

        var attempts = new[]
        {
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(1)}/items/{noodlesId}", new { categoryId, name = "被改了", priceFen = 1, calories = 1 }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(1)}/items/{noodlesId}/stock", new { stock = 0 }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(1)}/items/{noodlesId}/listing", new { listed = false }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(1)}/status", new { paused = true }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(1)}/opening-hours", new { slots = Array.Empty<object>() }),
            await intruder.PostAsJsonAsync($"/api/merchants/{Merchant(1)}/categories", new { name = "入侵" }),
            await intruder.GetAsync($"/api/merchants/{Merchant(1)}/manage/menu"),

            // Their own route, but someone else's dish or category.
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{noodlesId}/stock", new { stock = 0 }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{noodlesId}/listing", new { listed = false }),
            await intruder.PutAsJsonAsync($"/api/merchants/{Merchant(2)}/items/{noodlesId}", new { categoryId, name = "被改了", priceFen = 1, calories = 1 }),
            await intruder.PostAsJsonAsync($"/api/merchants/{Merchant(2)}/items", new { categoryId, name = "偷放", priceFen = 1, calories = 1 }),
        };

        attempts.ShouldAllBe(r => r.StatusCode == HttpStatusCode.NotFound);
        (await app.Client().Menu(1)).GetRawText().ShouldBe(before.GetRawText());
    }

    [Fact]
    public async Task invalid_input_is_rejected_with_a_problem_naming_the_field_and_nothing_changes()
    {
        var staff = app.Client(TestTokens.MerchantStaff(4));
        var itemId = Item(4, 0);
        var before = await staff.Json($"/api/merchants/{Merchant(4)}/manage/menu");
        var categoryId = before.FindItem(itemId)!.Value.GetProperty("categoryId").GetGuid();
        var itemUrl = $"/api/merchants/{Merchant(4)}/items/{itemId}";

        await ShouldNameField(await staff.PutAsJsonAsync(itemUrl, new { categoryId, name = "拌面", priceFen = -1, calories = 100 }), "priceFen");
        await ShouldNameField(await staff.PutAsJsonAsync(itemUrl, new { categoryId, name = "拌面", priceFen = 100, calories = -5 }), "calories");
        await ShouldNameField(await staff.PutAsJsonAsync(itemUrl, new { categoryId, name = new string('面', 5000), priceFen = 100, calories = 5 }), "name");
        await ShouldNameField(
            await staff.PutAsJsonAsync(itemUrl, new { categoryId, name = "拌面", priceFen = 100, calories = 5, optionGroups = new[] { new { name = "辣度", required = true, maxChoices = 1, options = new[] { new { name = "微辣", priceDeltaFen = -100, caloriesDelta = 0 } } } } }),
            "optionGroups[0].options[0].priceDeltaFen");
        await ShouldNameField(await staff.PutAsJsonAsync(itemUrl, new { categoryId, name = "拌面", priceFen = 100, calories = 5, optionGroups = new object?[] { null } }), "optionGroups[0]");
        await ShouldNameField(await staff.PutAsJsonAsync($"{itemUrl}/stock", new { stock = -3 }), "stock");
        await ShouldNameField(await staff.PostAsJsonAsync($"/api/merchants/{Merchant(4)}/items", new { categoryId, name = "新品", priceFen = -100, calories = 5 }), "priceFen");
        await ShouldNameField(await staff.PostAsJsonAsync($"/api/merchants/{Merchant(4)}/categories", new { name = new string('类', 300) }), "name");
        await ShouldNameField(
            await staff.PutAsJsonAsync($"/api/merchants/{Merchant(4)}/opening-hours", new
            {
                slots = new[] { new { day = "Monday", open = "09:00", close = "14:00" }, new { day = "Monday", open = "13:00", close = "21:30" } },
            }),
            "slots[1]");
        await ShouldNameField(
            await staff.PutAsJsonAsync($"/api/merchants/{Merchant(4)}/opening-hours", new
            {
                slots = new[] { new { day = "Someday", open = "25:00", close = "21:30" } },
            }),
            "slots[0].day");

        await ShouldNameField(await staff.PutAsync($"{itemUrl}/stock", new StringContent("{\"stock\": \"many\"}", Encoding.UTF8, "application/json")), "stock");
        var broken = await staff.PutAsync(itemUrl, new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        broken.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        (await staff.Json($"/api/merchants/{Merchant(4)}/manage/menu")).GetRawText().ShouldBe(before.GetRawText());
    }

    [Fact]
    public async Task staff_add_a_category_and_a_dish_with_options_and_customers_see_it()
    {
        var staff = app.Client(TestTokens.MerchantStaff(5));
        var category = await staff.PostAsJsonAsync($"/api/merchants/{Merchant(5)}/categories", new { name = "冬季限定" });
        category.StatusCode.ShouldBe(HttpStatusCode.Created);
        var categoryId = (await category.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var created = await staff.PostAsJsonAsync($"/api/merchants/{Merchant(5)}/items", new
        {
            categoryId,
            name = "热红酒风味果茶",
            description = "无酒精",
            priceFen = 1900,
            calories = 260,
            stock = 30,
            optionGroups = new[]
            {
                new { name = "甜度", required = true, maxChoices = 1, options = new[] { new { name = "标准", priceDeltaFen = 0L, caloriesDelta = 0 }, new { name = "少糖", priceDeltaFen = 0L, caloriesDelta = -60 } } },
                new { name = "规格", required = true, maxChoices = 1, options = new[] { new { name = "中杯", priceDeltaFen = 0L, caloriesDelta = 0 }, new { name = "大杯", priceDeltaFen = 300L, caloriesDelta = 90 } } },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var itemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var menu = await app.Client().Menu(5);
        var shelf = menu.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == categoryId);
        var tea = shelf.GetProperty("items").EnumerateArray().Single();
        tea.GetProperty("id").GetGuid().ShouldBe(itemId);
        tea.GetProperty("stock").GetInt32().ShouldBe(30);
        tea.GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ShouldBe(["甜度", "规格"]);
        tea.GetProperty("optionGroups")[1].GetProperty("options")[1].GetProperty("priceDeltaFen").GetInt64().ShouldBe(300);
    }

    [Fact]
    public async Task pausing_closes_the_shop_for_customers_and_resuming_reopens_it()
    {
        app.SetShanghaiTime(DayOfWeek.Wednesday, 12);
        var staff = app.Client(TestTokens.MerchantStaff(7));

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(7)}/status", new { paused = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var paused = (await app.Client().Menu(7)).GetProperty("merchant");
        paused.GetProperty("isOpenNow").GetBoolean().ShouldBeFalse();
        paused.GetProperty("isPaused").GetBoolean().ShouldBeTrue();

        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(7)}/status", new { paused = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client().Menu(7)).GetProperty("merchant").GetProperty("isOpenNow").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task new_opening_hours_replace_the_old_ones_and_a_slot_past_midnight_keeps_the_shop_open()
    {
        var staff = app.Client(TestTokens.MerchantStaff(6));
        var saved = await staff.PutAsJsonAsync($"/api/merchants/{Merchant(6)}/opening-hours", new
        {
            slots = new[] { new { day = "Wednesday", open = "11:00", close = "14:00" }, new { day = "Wednesday", open = "22:00", close = "03:00" } },
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);

        app.SetShanghaiTime(DayOfWeek.Thursday, 2, 30);
        (await app.Client().Menu(6)).GetProperty("merchant").GetProperty("isOpenNow").GetBoolean().ShouldBeTrue();

        app.SetShanghaiTime(DayOfWeek.Thursday, 3, 30);
        var closed = (await app.Client().Menu(6)).GetProperty("merchant");
        closed.GetProperty("isOpenNow").GetBoolean().ShouldBeFalse();
        closed.GetProperty("nextOpensAt").GetString().ShouldBe("11:00");
        closed.GetProperty("openingHours").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task the_console_needs_a_merchant_token()
    {
        var url = $"/api/merchants/{Merchant(3)}/manage/menu";
        (await app.Client().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(TestTokens.Customer(1)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.MerchantStaff(3)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<Guid> OptionIds(JsonElement item) =>
        item.GetProperty("optionGroups").EnumerateArray().SelectMany(g => g.GetProperty("options").EnumerateArray()).Select(o => o.GetProperty("id").GetGuid());

    [Fact]
    public async Task a_price_or_stock_out_of_range_is_refused_with_its_range_in_yuan_and_nothing_changes()
    {
        var staff = app.Client(TestTokens.MerchantStaff(4));
        var itemId = Item(4, 1);
        var before = await staff.Json($"/api/merchants/{Merchant(4)}/manage/menu");
        var item = before.FindItem(itemId)!.Value;
        var itemUrl = $"/api/merchants/{Merchant(4)}/items/{itemId}";
        object Edit(long priceFen) => new
        {
            categoryId = item.GetProperty("categoryId").GetGuid(),
            name = item.GetProperty("name").GetString(),
            priceFen,
            calories = item.GetProperty("calories").GetInt32(),
            optionGroups = item.GetProperty("optionGroups"),
        };

        // What the console once clamped and saved: ¥−5, ¥99999999, stock −3.
        foreach (var priceFen in new[] { -500L, 9_999_999_900L, 1_000_001L })
        {
            (await FieldProblem(await staff.PutAsJsonAsync(itemUrl, Edit(priceFen)), "priceFen")).ShouldBe("价格须在 ¥0 到 ¥10000 之间 (the price must be between ¥0 and ¥10000)");
        }

        (await FieldProblem(await staff.PutAsJsonAsync($"{itemUrl}/stock", new { stock = -3 }), "stock")).ShouldStartWith("库存须为 0 到 1000000 的整数");
        (await FieldProblem(await staff.PostAsJsonAsync($"/api/merchants/{Merchant(4)}/items", new { categoryId = item.GetProperty("categoryId").GetGuid(), name = "新品", priceFen = 100, calories = 5, stock = -1 }), "stock"))
            .ShouldStartWith("库存须为 0 到 1000000 的整数");

        (await staff.Json($"/api/merchants/{Merchant(4)}/manage/menu")).GetRawText().ShouldBe(before.GetRawText());
    }

    private static async Task<string> FieldProblem(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private static async Task ShouldNameField(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field);
    }
}

public sealed class MerchantConsoleOnSqlite(SqliteApp app) : MerchantConsoleTests(app), IClassFixture<SqliteApp>;

public sealed class MerchantConsoleOnPostgres(PostgresApp app) : MerchantConsoleTests(app), IClassFixture<PostgresApp>;
