using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// The shopper H5 and the merchant console in one story, on a host of its own so the board holds only this order:
/// a customer orders from the noodle shop and pays; the merchant, alerted, accepts and marks it ready while the
/// customer's order page follows without a reload. Screenshots of each main screen go to docs/screenshots.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class WebJourneyTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_orders_and_pays_and_watches_the_merchant_accept_and_ready_without_reloading()
    {
        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var customer = await customerContext.NewPageAsync();
        await SignInAsync(customer, "/m/login", DemoCampus.CustomerPhone(1));
        await Expect(customer.GetByText("附近商家")).ToBeVisibleAsync();
        await Expect(customer.Locator("[data-testid=shop-card]").First).ToBeVisibleAsync();

        await customer.Locator("[data-testid=shop-card]", new() { HasText = NoodleShop }).ClickAsync();
        await Expect(customer.Locator("h1", new() { HasText = NoodleShop })).ToBeVisibleAsync();
        await Dish(customer, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(customer.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await Dish(customer, "兰州牛肉拉面").Locator("[data-testid=choose-spec]").ClickAsync();
        await Expect(customer.Locator("[data-testid=spec-sheet]")).ToBeVisibleAsync();
        await customer.Locator("[data-testid=spec-sheet] .chip", new() { HasText = "大份" }).ClickAsync();
        await customer.Locator("[data-testid=add-to-cart]").ClickAsync();
        await Expect(customer.Locator("[data-testid=cart-count]")).ToHaveTextAsync("2");

        // 凉拌牛肉 ¥15 + 兰州牛肉拉面 大份 ¥16 + ¥3; 260 + 620 + 250 kcal.
        await Expect(customer.Locator("[data-testid=cart-total]")).ToHaveTextAsync("¥34");
        await Expect(customer.Locator("[data-testid=cart-calories]")).ToHaveTextAsync("共1130千卡");
        await Browser.ScreenshotAsync(customer, "h5-shop", customer.Locator("[data-testid=cart-total]"));

        await customer.Locator("[data-testid=checkout]").ClickAsync();
        await Expect(customer.Locator("[data-testid=price-lines]")).ToContainTextAsync("包装费");
        await customer.Locator("[data-testid=note]").FillAsync("少放香菜");
        await Browser.ScreenshotAsync(customer, "h5-checkout", customer.Locator("[data-testid=price-lines]"));
        await customer.Locator("[data-testid=place-order]").ClickAsync();

        await Expect(customer.Locator("[data-testid=countdown]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1[45]:[0-5][0-9]$"));
        await Browser.ScreenshotAsync(customer, "h5-pay", customer.Locator("[data-testid=countdown]"));
        await customer.Locator("[data-testid=pay-wechat]").ClickAsync();
        await customer.WaitForURLAsync("**/m/orders/*");
        var orderId = Guid.Parse(new Uri(customer.Url).AbsolutePath.Split('/').Last());

        // From here the page is never reloaded: a marker on window would be lost by a reload.
        await customer.EvaluateAsync("() => window.__stayed = true");
        var title = customer.Locator("[data-testid=order-title]");
        await Expect(title).ToHaveTextAsync("等待商家接单", new() { Timeout = 20_000 });

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);

        // Headless Chromium shows no desktop notifications: a stand-in records what the board would show.
        await merchantContext.AddInitScriptAsync("""
            window.__notes = [];
            window.Notification = class { constructor(title, options) { window.__notes.push(title + '|' + options.body); } close() {} };
            window.Notification.permission = 'granted';
            window.Notification.requestPermission = () => Promise.resolve('granted');
            """);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(merchant.Locator("[data-testid=alert]")).ToHaveAttributeAsync("data-ringing", "true");
        await Expect(merchant).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(1\) "));
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "ringing");
        (await merchant.EvaluateAsync<string[]>("() => window.__notes")).ShouldBe(["新订单 · 开饭商家版|有1个新订单待接单"]);
        await Expect(card.Locator("[data-testid=order-badge-newcustomer]")).ToHaveTextAsync("新客");
        await Expect(merchant.Locator("[data-testid=new-customers]")).ToHaveTextAsync("1");
        await Expect(merchant.Locator("[data-testid=completion-rate]")).ToHaveTextAsync("—");

        // No discount on this order: the shop earns the ¥34 of dishes and ¥1 packaging; the delivery fee is the platform's.
        await Expect(card.Locator("[data-testid=order-income]")).ToHaveTextAsync("¥35");
        await Expect(merchant.Locator("[data-testid=income]")).ToHaveTextAsync("¥35");
        await Expect(merchant.Locator("[data-testid=revenue]")).ToHaveTextAsync("¥35");
        await Browser.ScreenshotAsync(merchant, "merchant-board", merchant.Locator("[data-testid=board-order]"));

        await card.Locator("[data-testid=accept]").ClickAsync();
        await card.GetByText("20分钟").ClickAsync();
        await card.Locator("[data-testid=confirm-accept]").ClickAsync();
        await Expect(merchant.Locator("[data-testid=alert]")).ToHaveAttributeAsync("data-ringing", "false");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "quiet");
        await Expect(title).ToHaveTextAsync("商家已接单", new() { Timeout = 15_000 });
        await Expect(customer.Locator("[data-testid=cancel-order]")).ToHaveCountAsync(0);

        await merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}'] [data-testid=ready]").ClickAsync();
        await Expect(title).ToHaveTextAsync("商家已出餐", new() { Timeout = 15_000 });
        await Expect(customer.Locator("[data-step=ready] .time")).Not.ToHaveTextAsync("--:--");
        (await customer.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the order page updated without a reload");
        await Browser.ScreenshotAsync(customer, "h5-order", customer.Locator("[data-testid=eta]"));

        await merchant.Locator("[data-testid=valid-orders]").WaitForAsync();
        await merchant.GotoAsync("/merchant/menu");
        await Expect(merchant.Locator("[data-testid=menu-item]").First).ToBeVisibleAsync();

        // The prerendered menu gives way to 加载中… while the live editor loads it again; the picture waits for the live one.
        await Browser.ScreenshotAsync(merchant, "merchant-menu", merchant.Locator("[data-testid=menu-editor][data-live=true] [data-testid=menu-item]"));

        await customer.GotoAsync("/m");
        await Expect(customer.Locator("[data-testid=reorder]").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(customer, "h5-home", customer.Locator("[data-testid=reorder]"));
    }
}
