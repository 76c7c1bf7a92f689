using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Growth.Communities;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Web;

/// <summary>
/// 社群专享 on both sides: a customer opens the 东区宿舍群 link, joins, and finds the 社群价 on the shop page and in the
/// checkout's cart; the noodle shop creates its own fan group and puts a dish at a member price in its console, which
/// on reopening takes over the prerendered groups without emptying the list first.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class CommunityBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_joins_through_the_link_and_sees_the_community_price_in_the_cart()
    {
        var now = app.Clock.GetUtcNow();
        (await app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/growth/communities/{DemoCommunity.Id}/prices", new
        {
            merchantId = OrderingKit.Shop, itemId = OrderingKit.Tea, memberPriceFen = 500, limitPerOrder = 3, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        })).EnsureSuccessStatusCode();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(3));
        await page.GotoAsync($"/m/shop/{OrderingKit.Shop}");
        await Expect(Dish(page, "八宝盖碗茶").Locator("[data-testid=community-hint]")).ToHaveTextAsync("加入社群享¥5");

        await page.GotoAsync($"/m/community/{DemoCommunity.Code}");
        var card = page.Locator("[data-testid=community-page]");
        await Expect(card.Locator("[data-testid=community-name]")).ToContainTextAsync(DemoCommunity.Name);
        await card.Locator("[data-testid=community-join]").ClickAsync();
        await Expect(page.Locator("[data-testid=community-joined]")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-testid=community-members]")).ToContainTextAsync("李*");
        await Expect(page.Locator("[data-testid=community-price]").Filter(new() { HasText = "八宝盖碗茶" })).ToContainTextAsync("¥5");
        await Browser.ScreenshotAsync(page, "customer-community-page", page.Locator("main"));

        await page.GotoAsync("/m/me/communities");
        await Expect(page.Locator($"[data-testid=my-community][data-code={DemoCommunity.Code}]")).ToContainTextAsync(DemoCommunity.Name);

        await page.GotoAsync($"/m/shop/{OrderingKit.Shop}");
        var tea = Dish(page, "八宝盖碗茶");
        await Expect(tea.Locator("[data-testid=community-price]")).ToHaveTextAsync("¥5");
        var add = tea.Locator("[data-testid=add]");
        for (var n = 1; n <= 3; n++)
        {
            await add.ClickAsync();
            await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The cart bar totals at the member price, as checkout will (3 × ¥5, not 3 × ¥8).
        await Expect(page.Locator("[data-testid=cart-total]")).ToHaveTextAsync("¥15");

        await page.Locator("[data-testid=checkout]").ClickAsync();
        var line = page.Locator("[data-testid=checkout-line]").Filter(new() { HasText = "八宝盖碗茶" });
        await Expect(line.Locator("[data-testid=community-price-line]")).ToHaveTextAsync("社群价");
        await Expect(line.Locator("[data-testid=community-list-price]")).ToHaveTextAsync("¥24");
        await Expect(line).ToContainTextAsync("¥15");

        // 3 × ¥5 + 包装费 ¥1 + 配送费 ¥3.
        await Expect(page.Locator("[data-testid=to-pay]")).ToHaveTextAsync("¥19");
        await Browser.ScreenshotAsync(page, "customer-community-checkout", line);
    }

    [Fact]
    public async Task the_merchant_creates_a_fan_group_and_a_member_price_in_its_console()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/merchant/login", DemoCampus.MerchantPhone(1));
        await page.GotoAsync("/merchant/communities");
        var panel = page.Locator("[data-testid=community-console]");
        await ExpectLiveAsync(page, panel);

        await panel.Locator("[data-testid=community-name-input]").FillAsync("老马面馆粉丝群");
        await panel.Locator("[data-testid=community-create]").ClickAsync();
        var row = panel.Locator("[data-testid=community-row]").Filter(new() { HasText = "老马面馆粉丝群" });
        await Expect(row).ToContainTextAsync("0人");
        var code = (await row.Locator("[data-testid=community-code]").TextContentAsync())!.Trim();
        code.Length.ShouldBe(6);

        await row.Locator("[data-testid=community-add-price]").ClickAsync();
        var form = panel.Locator("[data-testid=community-price-form]");
        await form.Locator("[data-testid=community-price-dish]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Value = OrderingKit.ColdBeef.ToString() });
        await form.Locator("[data-testid=community-price-input]").FillAsync("12.5");
        await form.Locator("[data-testid=community-price-save]").ClickAsync();
        await Expect(row.Locator("[data-testid=community-offer]")).ToContainTextAsync("凉拌牛肉 ¥12.5");
        await Browser.ScreenshotAsync(page, "merchant-communities", panel);

        var listed = (await app.Staff().GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/merchant/communities"))!
            .Single(c => c!["code"]!.GetValue<string>() == code)!;
        listed["prices"]![0]!["memberPriceFen"]!.GetValue<long>().ShouldBe(1250);

        await WatchRowsAsync(page, "[data-testid=community-row]");
        await page.ReloadAsync();
        await ExpectLiveAsync(page, panel);
        await Expect(row.Locator("[data-testid=community-offer]")).ToContainTextAsync("凉拌牛肉 ¥12.5");
        await ExpectRowsKeptAsync(page);
    }
}
