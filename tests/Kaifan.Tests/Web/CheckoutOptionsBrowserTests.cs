using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Payments;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// A shopper picks 准时宝 and a coupon at checkout, watches the price lines follow each choice without leaving the
/// page, places and pays the order, and once the shop accepts sees the promised window on the order page. A batch
/// order's page names its line and the run it leaves with.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class CheckoutOptionsBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_picks_the_guarantee_and_a_coupon_sees_the_price_lines_change_and_places_the_order()
    {
        const int customer = 2;
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        var add = Dish(page, "凉拌牛肉").Locator("[data-testid=add]");
        await add.ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await add.ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("2");
        await page.Locator("[data-testid=checkout]").ClickAsync();

        // 凉拌牛肉 ×2 ¥30 + 包装费 ¥1 + 配送费 ¥3.
        var toPay = page.Locator("[data-testid=to-pay]");
        await Expect(toPay).ToHaveTextAsync("¥34");
        await Expect(page.Locator("[data-testid=service-fee]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToContainTextAsync("预计");
        await Expect(page.Locator("[data-testid=batch-departure]")).ToContainTextAsync("下一班12:30发车");

        await page.EvaluateAsync("() => window.__stayed = true");
        await page.Locator("[data-testid=option-guaranteed]").ClickAsync();
        await Expect(page.Locator("[data-testid=service-fee]")).ToHaveTextAsync("准时宝¥2");
        await Expect(toPay).ToHaveTextAsync("¥36");

        // Best first: 满30减6 saves more than the ¥3 无门槛 coupon.
        var best = page.Locator("[data-testid=coupon]").First;
        await Expect(best).ToContainTextAsync("满30元可用");
        await Expect(best.Locator("[data-testid=saving]")).ToHaveTextAsync("本单可省¥6");
        await best.ClickAsync();
        await Expect(page.Locator("[data-testid=discount]")).ToHaveTextAsync("优惠券−¥6");
        await Expect(toPay).ToHaveTextAsync("¥30");
        await Expect(page.Locator("[data-testid=option-guaranteed] input")).ToBeCheckedAsync();
        (await page.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the price lines changed in place, without a page load");
        await page.Locator("[data-testid=price-lines]").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(page, "h5-checkout-options", page.Locator("[data-testid=discount]"));

        await page.Locator("[data-testid=place-order]").ClickAsync();
        await Expect(page.Locator("[data-testid=pay-amount]")).ToHaveTextAsync("¥30");
        await page.Locator("[data-testid=pay-wechat]").ClickAsync();
        await page.WaitForURLAsync("**/m/orders/*");
        var orderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToHaveTextAsync("商家接单后确定承诺送达时间");
        await Expect(page.Locator("[data-testid=discount]")).ToHaveTextAsync("优惠券−¥6");

        var customerApi = app.Client(await TokenAsync(DemoCampus.CustomerPhone(customer)));
        var order = (await customerApi.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!;
        order["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
        order["totalFen"]!.GetValue<long>().ShouldBe(3000);
        var coupons = (await customerApi.GetFromJsonAsync<JsonArray>("/api/me/coupons"))!;
        coupons.Single(c => c!["id"]!.GetValue<Guid>() == order["couponId"]!.GetValue<Guid>())!["status"]!.GetValue<string>().ShouldBe("used");

        await PaymentProbe.EventuallyAsync(
            async () => (await customerApi.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["status"]!.GetValue<string>() == "AwaitingAcceptance",
            "the order is paid");
        var merchant = app.Client(await TokenAsync(DemoCampus.MerchantPhone(1)));
        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{orderId}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The open page hears the promise live; no reload.
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToContainTextAsync("超时赔付¥5优惠券", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^承诺\d\d:\d\d–\d\d:\d\d送达"));
    }

    [Fact]
    public async Task a_customer_tops_up_the_wallet_pays_an_order_with_the_balance_sees_it_drop_and_takes_the_rest_back()
    {
        const int customer = 5;
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync("/m/me");
        await Expect(page.Locator("[data-testid=my-wallet-balance]")).ToHaveTextAsync("¥0.00");
        await page.Locator("[data-testid=my-wallet-entry]").ClickAsync();

        await page.Locator("label.chip:has([data-fen='5000'])").ClickAsync();
        await page.Locator("[data-testid=top-up-submit]").ClickAsync();
        // At once, 到账中 until the gateway's callback; the page rereads itself until then.
        await page.WaitForURLAsync("**/m/me/wallet?topUp=*");
        await Expect(page.Locator("[data-testid=wallet-topped-up]")).ToHaveTextAsync("充值成功，已到账");
        await Expect(page.Locator("[data-testid=wallet-balance]")).ToHaveTextAsync("¥50.00");
        await Expect(page.Locator("[data-testid=wallet-entry][data-kind=topUp] [data-testid=wallet-entry-amount]")).ToHaveTextAsync("+¥50.00");

        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await page.Locator("[data-testid=checkout]").ClickAsync();
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await Expect(page.Locator("[data-testid=pay-balance]")).ToHaveTextAsync("可用 ¥50.00");
        var totalFen = (long)(decimal.Parse((await page.Locator("[data-testid=pay-amount]").TextContentAsync())!.TrimStart('¥'), System.Globalization.CultureInfo.InvariantCulture) * 100);
        await page.Locator("[data-testid=pay-channel-balance]").CheckAsync();
        await Browser.ScreenshotAsync(page, "h5-pay-balance", page.Locator("[data-testid=pay-balance]"));
        await page.Locator("[data-testid=pay-wechat]").ClickAsync();
        await page.WaitForURLAsync("**/m/orders/*");

        await page.GotoAsync("/m/me/wallet");
        var left = Kaifan.Web.Shopping.Display.Cents(5_000 - totalFen);
        await Expect(page.Locator("[data-testid=wallet-balance]")).ToHaveTextAsync(left);
        await Expect(page.Locator("[data-testid=wallet-entry]").First.Locator("[data-testid=wallet-entry-amount]"))
            .ToHaveTextAsync(Kaifan.Web.Shopping.Display.Cents(-totalFen, signed: true));
        await Browser.ScreenshotAsync(page, "h5-wallet", page.Locator("[data-testid=wallet-ledger]"));

        // Not enough left for a second order: 余额支付 is offered but cannot be picked.
        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("2");
        await page.Locator("[data-testid=checkout]").ClickAsync();
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await Expect(page.Locator("[data-testid=pay-balance]")).ToHaveTextAsync($"余额不足（{left}）");
        await Expect(page.Locator("[data-testid=pay-channel-balance]")).ToBeDisabledAsync();

        // 退回余额: the rest goes back to WeChat, after a sheet that names the amount.
        await page.GotoAsync("/m/me/wallet");
        await page.Locator("[data-testid=refund-balance]").ClickAsync();
        await Expect(page.Locator("[data-testid=refund-amount]")).ToHaveTextAsync($"将余额 {left} 退回微信");
        await Expect(page.Locator("[data-testid=refund-sheet]")).ToContainTextAsync("原路退回微信，1–3 个工作日到账");
        await page.Locator("[data-testid=confirm-refund]").ClickAsync();
        await Expect(page.Locator("[data-testid=wallet-balance]")).ToHaveTextAsync("¥0.00");
        await Expect(page.Locator("[data-testid=refund-balance]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=wallet-entry]").First).ToContainTextAsync("退回微信");
        await Expect(page.Locator("[data-testid=wallet-entry]").First.Locator("[data-testid=wallet-entry-amount]"))
            .ToHaveTextAsync(Kaifan.Web.Shopping.Display.Cents(totalFen - 5_000, signed: true));
    }

    [Fact]
    public async Task a_customer_taps_the_locker_option_sees_the_picker_on_the_first_locker_and_places_a_locker_order()
    {
        // Tapped as a shopper does: the option re-quotes before any locker has been chosen.
        const int customer = 4;
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        await Dish(page, "凉拌牛肉").Locator("[data-testid=add]").ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await page.Locator("[data-testid=checkout]").ClickAsync();

        await page.Locator("[data-testid=option-locker]").ClickAsync();
        var picker = page.Locator("[data-testid=locker]");
        await Expect(picker).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=option-locker] input")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=option-standard] input")).Not.ToBeCheckedAsync();
        var names = await picker.Locator("option").AllTextContentsAsync();
        names.ShouldBe(["东区图书馆外卖柜", "东区食堂外卖柜"], ignoreOrder: true);
        await Expect(picker.Locator("option:checked")).ToHaveTextAsync(names[0]);
        await Expect(page.Locator("[data-testid=field-error]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=checkout-error]")).ToHaveCountAsync(0);

        await picker.SelectOptionAsync(new SelectOptionValue { Label = names[1] });
        await Expect(picker.Locator("option:checked")).ToHaveTextAsync(names[1]);
        await Expect(page.Locator("[data-testid=option-locker] input")).ToBeCheckedAsync();

        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/m/pay/*");
        var orderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        var order = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!;
        order["delivery"]!.GetValue<string>().ShouldBe("locker");
        order["lockerName"]!.GetValue<string>().ShouldBe(names[1]);
    }

    [Fact]
    public async Task a_batch_orders_page_names_its_line_and_the_run_it_leaves_with()
    {
        const int customer = 3;
        var orderId = await app.AcceptPaidAsync(await Kaifan.Tests.Ordering.OrderingKit.PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "batch" })), customer, prepMinutes: 5);
        var run = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["batchRun"]!;
        var departs = run["departsAt"]!.GetValue<DateTimeOffset>();
        departs.ShouldBeGreaterThanOrEqualTo(app.Clock.GetUtcNow().AddMinutes(5), "the run leaves once the kitchen's 5 minutes are up");

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await Expect(page.Locator("[data-testid=batch-run]")).ToHaveTextAsync($"校园批次 · 东区宿舍楼群 {departs.ToOffset(TimeSpan.FromHours(8)):HH:mm}发车");
    }
}
