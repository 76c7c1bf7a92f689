using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Web.Shopping;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>The shopper's sign-in, cancel, search and cart limits as a shopper meets them in the browser.</summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class CustomerQaBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task signing_in_with_nothing_filled_in_says_what_is_wrong_and_not_that_a_code_was_sent()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/m/login");
        await page.Locator("[data-testid=sign-in]").ClickAsync();

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("请输入正确的手机号");
        await Expect(page.Locator("[data-testid=code-sent]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=send-code]")).ToHaveTextAsync("获取验证码");

        // A code really sent is still said to be, after a mistyped code.
        await page.Locator("[data-testid=phone]").FillAsync(DemoCampus.CustomerPhone(5));
        await page.Locator("[data-testid=send-code]").ClickAsync();
        await Expect(page.Locator("[data-testid=code-sent]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=code]").FillAsync("000000" == app.Sms.LastCodeFor(DemoCampus.CustomerPhone(5)) ? "111111" : "000000");
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=code-sent]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=send-code]")).ToHaveTextAsync("重新获取");
    }

    [Fact]
    public async Task cancelling_a_paid_order_asks_for_a_reason_first_and_records_it()
    {
        const int customer = 5;
        var token = await TokenAsync(DemoCampus.CustomerPhone(customer));
        var orderId = await PlacePaidOrderAsync(token);
        var api = app.Client(token);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await page.Locator("[data-testid=cancel-order]").ClickAsync();

        var confirm = page.Locator("[data-testid=cancel-confirm]");
        await Expect(confirm).ToContainTextAsync("已支付的款项将原路退回");
        await Expect(confirm.Locator("label")).ToHaveTextAsync(["不想要了", "信息填错", "商家太慢", "其他"]);
        (await api.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString().ShouldBe("AwaitingAcceptance", "one tap does not cancel");

        await confirm.Locator("label", new() { HasText = "商家太慢" }).ClickAsync();
        await confirm.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("已取消");
        var order = await api.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        order.GetProperty("status").GetString().ShouldBe("Cancelled");
        order.GetProperty("cancelReason").GetString().ShouldBe("商家太慢");
    }

    [Fact]
    public async Task a_search_with_no_match_says_so_and_a_pasted_essay_is_searched_by_its_start()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(1));

        await page.GotoAsync("/m?q=" + Uri.EscapeDataString("火星披萨"));
        await Expect(page.Locator("[data-testid=no-shops]")).ToHaveTextAsync("没有找到与“火星披萨”相关的商家");

        var essay = new string('x', 500);
        await page.GotoAsync("/m?q=" + essay);
        await Expect(page.Locator("[data-testid=no-shops]")).ToHaveTextAsync($"没有找到与“{new string('x', 50)}”相关的商家");
        await Expect(page.Locator("[data-testid=search]")).ToHaveValueAsync(new string('x', 50));

        // The start of a long query still finds what it names.
        await page.GotoAsync("/m?q=" + Uri.EscapeDataString("拉面" + new string(' ', 48) + essay));
        await Expect(page.Locator("[data-testid=no-shops]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=shop-card]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task cards_badge_the_shops_running_promotions_and_fastest_delivery_sorts_them_by_the_minutes_shown_from_the_customers_door()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(2));
        await Expect(page.Locator("[data-testid=shop-card]", new() { HasText = "老马家兰州牛肉拉面" }).Locator(".badge")).ToHaveTextAsync(["预", "返"]);

        await page.GetByText("配送速度最快").ClickAsync();
        await Expect(page.Locator(".sorts a.on")).ToHaveTextAsync("配送速度最快");
        var shown = await page.Locator(".shop-card:not(.closed) [data-testid=shop-minutes]").AllTextContentsAsync();

        // "1.2km · 27分钟": the minutes of an order placed now, from this customer's first address.
        var minutes = shown.Select(t => int.Parse(t.Split('·')[1].Trim().TrimEnd('分', '钟'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        minutes.Count.ShouldBeGreaterThan(1);
        minutes.ShouldBe(minutes.Order().ToList());
        var address = (await app.Client(TestTokens.Customer(2)).GetFromJsonAsync<JsonElement>("/api/me/addresses"))[0];
        var fromDoor = await app.Client().GetFromJsonAsync<JsonElement>(FormattableString.Invariant(
            $"/api/zones/{address.GetProperty("zoneId").GetGuid()}/merchants?sort=speed&lat={address.GetProperty("latitude").GetDouble()}&lon={address.GetProperty("longitude").GetDouble()}"));
        minutes.ShouldBe(fromDoor.EnumerateArray().Where(c => c.GetProperty("isOpenNow").GetBoolean()).Select(c => c.GetProperty("deliveryMinutes").GetInt32()).ToList());

        // 筛选 有优惠活动: only the demo noodle shop runs promotions in this zone; the sort stays as chosen.
        await page.Locator("[data-testid=filters] summary").ClickAsync();
        await page.GetByText("有优惠活动").ClickAsync();
        await Browser.ScreenshotAsync(page, "h5-home-filters", page.Locator("[data-testid=filter-apply]"));
        await page.Locator("[data-testid=filter-apply]").ClickAsync();
        await Expect(page.Locator("[data-testid=filters] summary")).ToHaveTextAsync("筛选 (1)");
        await Expect(page.Locator("[data-testid=shop-card]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=shop-card]")).ToContainTextAsync("老马家兰州牛肉拉面");
        await Expect(page.Locator(".sorts a.on")).ToHaveTextAsync("配送速度最快");
    }

    [Fact]
    public async Task adding_a_dish_already_at_99_says_that_is_the_most()
    {
        const int customer = 3;
        var menu = await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>($"/api/merchants/{DemoCampus.MerchantId(1)}/menu");
        var beef = menu.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .First(i => i.GetProperty("name").GetString() == "凉拌牛肉").GetProperty("id").GetGuid();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await context.AddCookiesAsync([new Cookie
        {
            Name = Cart.CookieName(DemoCampus.MerchantId(1)), Value = Cart.Format([new CartEntry(beef, 98, [])]),
            // The path the server writes it with: a second cookie of the same name on "/" would shadow the server's.
            Domain = BaseAddress.Host, Path = "/m", HttpOnly = true, SameSite = SameSiteAttribute.Lax,
        }]);
        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        var add = Dish(page, "凉拌牛肉").Locator("[data-testid=add]");
        await add.ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("99");
        await Expect(page.Locator("[data-testid=cart-limit]")).ToHaveCountAsync(0);

        await add.ClickAsync();
        await Expect(Dish(page, "凉拌牛肉").Locator("[data-testid=cart-limit]")).ToHaveTextAsync("每样最多99份");
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("99");
    }
}
