using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering.Coupons;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Web;

/// <summary>
/// 再来一单 with a coupon: the reorder page offers the customer's usable coupons as checkout does, with none picked so
/// the one tap still places the order as before; picking one changes the price lines in place and the order charges it.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class ReorderCouponBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_reordering_picks_the_best_coupon_sees_the_discount_and_the_order_charges_it()
    {
        const int customer = 3;
        var phone = DemoCampus.CustomerPhone(customer);
        var past = await PlacePaidOrderAsync(await TokenAsync(phone));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync($"/m/reorder/{past}");

        // 凉拌牛肉 ×2 ¥30 + 包装费 ¥1 + 配送费 ¥3, no coupon picked until the customer picks one.
        var toPay = page.Locator("[data-testid=to-pay]");
        await Expect(toPay).ToHaveTextAsync("¥34");
        await Expect(page.Locator("[data-testid=no-coupon] input")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=discount]")).ToHaveCountAsync(0);

        // Best first, as at checkout: 满30减6 saves more than the ¥3 无门槛 coupon.
        await page.EvaluateAsync("() => window.__stayed = true");
        var best = page.Locator("[data-testid=coupon]").First;
        await Expect(best).ToContainTextAsync("满30元可用");
        await Expect(best.Locator("[data-testid=saving]")).ToHaveTextAsync("本单可省¥6");
        await best.ClickAsync();
        await Expect(page.Locator("[data-testid=discount]")).ToHaveTextAsync("优惠券−¥6");
        await Expect(toPay).ToHaveTextAsync("¥28");
        await Expect(best.Locator("input")).ToBeCheckedAsync();
        (await page.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the price lines changed in place, without a page load");

        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/m/pay/*");
        await Expect(page.Locator("[data-testid=pay-amount]")).ToHaveTextAsync("¥28");
        var orderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());

        var api = app.Client(await TokenAsync(phone));
        var order = (await api.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!;
        order["totalFen"]!.GetValue<long>().ShouldBe(2800);
        order["couponId"]!.GetValue<Guid>().ShouldBe(DemoCoupons.FullReductionId(customer));
        var coupons = (await api.GetFromJsonAsync<JsonArray>("/api/me/coupons"))!;
        coupons.Single(c => c!["id"]!.GetValue<Guid>() == DemoCoupons.FullReductionId(customer))!["usedByOrderId"]!.GetValue<Guid>().ShouldBe(orderId);
        coupons.Single(c => c!["id"]!.GetValue<Guid>() == DemoCoupons.WelcomeId(customer))!["status"]!.GetValue<string>().ShouldBe("unused");
    }

    [Fact]
    public async Task a_coupon_spent_elsewhere_after_it_was_picked_is_named_and_nothing_is_placed_at_the_full_price()
    {
        const int customer = 4;
        var phone = DemoCampus.CustomerPhone(customer);
        var token = await TokenAsync(phone);
        var past = await PlacePaidOrderAsync(token);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync($"/m/reorder/{past}");
        var toPay = page.Locator("[data-testid=to-pay]");
        await page.Locator("[data-testid=coupon]").First.ClickAsync();
        await Expect(toPay).ToHaveTextAsync("¥28");

        // The same coupon spent from another phone before this one taps 提交订单.
        var api = app.Client(token);
        var elsewhere = await OrderingKit.PlaceAsync(api, new { couponId = DemoCoupons.FullReductionId(customer) }, Guid.NewGuid().ToString(), $"/api/orders/{past}/reorder");
        elsewhere.EnsureSuccessStatusCode();
        var ordersBefore = (await api.GetFromJsonAsync<JsonArray>("/api/orders"))!.Count;
        await page.Locator("[data-testid=place-order]").ClickAsync();

        await Expect(page.Locator("[data-testid=checkout-error]")).ToBeVisibleAsync();
        await Expect(toPay).ToHaveTextAsync("¥34");
        page.Url.ShouldContain($"/m/reorder/{past}", Case.Insensitive, "still on the reorder page, not on the pay page");
        (await api.GetFromJsonAsync<JsonArray>("/api/orders"))!.Count.ShouldBe(ordersBefore, "nothing placed at a price the customer did not see");
    }
}
