using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Web;

/// <summary>
/// A shopper finds the shops with promotions through 有优惠活动 and their 减 / 新 badges, reads the noodle shop's rules in
/// its header, is told by the cart bar how much more reaches the next tier, and sees 满减 and 新客立减 as −¥ lines at
/// checkout, with the total the server charges.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class ShopPromotionsBrowserTests(PromotionsSqliteApp app) : BrowserTests(app), IClassFixture<PromotionsSqliteApp>
{
    [Fact]
    public async Task a_customer_sees_the_badges_the_header_the_next_tier_hint_and_the_discount_lines_at_checkout()
    {
        const int customer = 3;
        var noodles = DemoCampus.MerchantId(1);
        var staff = app.Client(await TokenAsync(DemoCampus.MerchantPhone(1)));
        var saved = await staff.PutAsJsonAsync($"/api/merchants/{noodles}/promotions", new
        {
            fullReductionOn = true, tiers = new[] { new { thresholdFen = 3000, discountFen = 500 }, new { thresholdFen = 5000, discountFen = 1200 } },
            newCustomerOn = true, newCustomerFen = 300,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync("/m?f=promo");
        var cards = page.Locator("[data-testid=shop-card]");
        var noodleCard = cards.Filter(new() { HasText = NoodleShop });
        await Expect(noodleCard.Locator(".badge.fullReduction")).ToHaveTextAsync("减");
        await Expect(noodleCard.Locator(".badge.newCustomer")).ToHaveTextAsync("新");
        await Expect(cards.Filter(new() { HasText = "一点甜奶茶" }).Locator(".badge.newCustomer")).ToHaveTextAsync("新");
        await Expect(cards.Filter(new() { HasText = "沙县小吃" })).ToHaveCountAsync(0, new() { Timeout = 1_000 });

        await page.GotoAsync($"/m/shop/{noodles}");
        var header = page.Locator("[data-testid=shop-promotions]");
        await Expect(header).ToContainTextAsync("满30减5 满50减12");
        await Expect(header).ToContainTextAsync("新客立减¥3");
        var add = Dish(page, "凉拌牛肉").Locator("[data-testid=add]");
        await add.ClickAsync();
        var hint = page.Locator("[data-testid=cart-promo-hint]");
        await Expect(hint).ToHaveTextAsync("再买¥15可减5");
        await add.ClickAsync();
        await Expect(hint).ToHaveTextAsync("再买¥20可减12");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Browser.ScreenshotAsync(page, "h5-shop-promotions", hint);

        await page.Locator("[data-testid=checkout]").ClickAsync();

        // 凉拌牛肉 ×2 ¥30 + 包装费 ¥1 + 配送费 ¥3 − 满减 ¥5 − 新客立减 ¥3.
        var fullReduction = page.Locator("[data-testid=shop-discount-fullReduction]");
        await Expect(fullReduction).ToContainTextAsync("满减");
        await Expect(fullReduction).ToContainTextAsync("−¥5");
        await Expect(page.Locator("[data-testid=shop-discount-newCustomer]")).ToHaveTextAsync("新客立减−¥3");
        await Expect(page.Locator("[data-testid=to-pay]")).ToHaveTextAsync("¥26");
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await Browser.ScreenshotAsync(page, "h5-checkout-shop-discounts", page.Locator("[data-testid=shop-discount-newCustomer]"));

        await page.Locator("[data-testid=place-order]").ClickAsync();
        await Expect(page.Locator("[data-testid=pay-amount]")).ToHaveTextAsync("¥26");
    }
    [Fact]
    public async Task a_shop_sets_its_tiers_in_the_console_and_a_refused_save_changes_nothing()
    {
        const int shop = 6;
        var staff = app.Client(await TokenAsync(DemoCampus.MerchantPhone(shop)));
        var path = $"/api/merchants/{DemoCampus.MerchantId(shop)}/promotions";

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/merchant/login", DemoCampus.MerchantPhone(shop));
        await page.GotoAsync("/merchant/promotions");
        var panel = page.Locator("[data-testid=promotions]");
        await ExpectLiveAsync(page, panel);
        await panel.Locator("[data-testid=promo-full-on]").CheckAsync();
        await panel.Locator("[data-testid=promo-add-tier]").ClickAsync();
        await panel.Locator("[data-testid=promo-threshold-0]").FillAsync("20");
        await panel.Locator("[data-testid=promo-discount-0]").FillAsync("3");
        await panel.Locator("[data-testid=promo-add-tier]").ClickAsync();
        await panel.Locator("[data-testid=promo-threshold-1]").FillAsync("40");
        await panel.Locator("[data-testid=promo-discount-1]").FillAsync("3");
        await panel.Locator("[data-testid=promo-save]").ClickAsync();
        await Expect(panel.Locator("[data-testid=promo-problem]")).ToContainTextAsync("减免须逐档升高");
        (await staff.GetFromJsonAsync<JsonObject>(path))!["tiers"]!.AsArray().Count.ShouldBe(0);

        await panel.Locator("[data-testid=promo-discount-1]").FillAsync("8");
        await panel.Locator("[data-testid=promo-save]").ClickAsync();
        await Expect(panel.Locator("[data-testid=promo-saved]")).ToBeVisibleAsync();
        var stored = (await staff.GetFromJsonAsync<JsonObject>(path))!;
        stored["fullReductionOn"]!.GetValue<bool>().ShouldBeTrue();
        stored["tiers"]!.AsArray().Select(t => (t!["thresholdFen"]!.GetValue<long>(), t["discountFen"]!.GetValue<long>())).ShouldBe([(2000L, 300L), (4000L, 800L)]);
        await Browser.ScreenshotAsync(page, "merchant-promotions", panel.Locator("[data-testid=promo-saved]"));
    }
}
