using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Web.Shopping;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// 预售接龙 on screen: a customer finds the chain on the shop page, joins it with two portions and pays, the order
/// shows 预售中 with its delivery time, and the chain lists them numbered under their masked name; the home page lists
/// the chain; the merchant publishes a pre-sale of a dish with options fixed from the console.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class PresaleBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly Guid StirFried = OrderingKit.Dish(1);

    [Fact]
    public async Task a_customer_joins_the_chain_from_the_shop_page_and_sees_their_masked_name_numbered()
    {
        var now = app.Clock.GetUtcNow();
        var created = await app.Staff().PostAsJsonAsync("/api/merchant/presales", new
        {
            itemId = OrderingKit.Soda, priceFen = 400, stock = 30, perCustomerLimit = 3, minimumQuantity = 2,
            cutoffAt = now.AddHours(2), deliverAt = now.AddHours(20), slotMinutes = 30, note = "明早送到宿舍楼下",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(3));

        // The home page's 预售接龙 strip lists it with its shop, price against the list price, progress and cut-off.
        await page.GotoAsync("/m");
        await Expect(page.Locator($"[data-testid=home-presale][href='/m/presale/{id}']")).ToHaveTextAsync(new Regex(
            $@"冰峰橙味汽水\s*老马家兰州牛肉拉面\s*¥4\s*¥5\s*已接龙 0 / 成团 2\s*{Display.InShanghai(now.AddHours(2)):M月d日 HH:mm}截止"));
        await page.GotoAsync($"/m/shop/{OrderingKit.Shop}");
        var entry = page.Locator($"[data-testid=presale-entry][href='/m/presale/{id}']");
        await Expect(entry).ToContainTextAsync("¥4");
        await Expect(entry).ToContainTextAsync("已接龙 0 / 最低 2");
        await entry.ClickAsync();

        await Expect(page.Locator("[data-testid=presale-state]")).ToHaveTextAsync("还差2份成团");
        await page.Locator("[data-testid=presale-quantity]").SelectOptionAsync("2");
        await page.Locator("[data-testid=presale-join]").ClickAsync();
        await page.WaitForURLAsync("**/m/pay/*");
        await page.Locator("[data-testid=pay-wechat]").ClickAsync();
        await page.WaitForURLAsync("**/m/orders/*");
        for (var i = 0; i < 50 && !((await page.Locator("[data-testid=order-title]").TextContentAsync()) ?? "").StartsWith("预售中", StringComparison.Ordinal); i++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Expect(page.Locator("[data-testid=order-title]")).ToContainTextAsync("预售中 · ");
        await Expect(page.Locator("[data-testid=order-title]")).ToContainTextAsync("送达");
        await Expect(page.Locator("[data-testid=presale-order]")).ToBeVisibleAsync();
        var orderUrl = page.Url;

        await page.Locator("[data-testid=presale-chain-link]").ClickAsync();
        // The link navigates in-page by fetch: reloading before it lands would reload the order page instead.
        await Expect(page.Locator("[data-testid=presale-page]")).ToBeVisibleAsync();
        var line = page.Locator("[data-testid=presale-line]");
        for (var i = 0; i < 50 && await line.CountAsync() == 0; i++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToHaveTextAsync("1. 李** ×2 （我）");
        await Expect(page.Locator("[data-testid=presale-progress]")).ToContainTextAsync("已接龙 2 / 最低 2");
        await Expect(page.Locator("[data-testid=presale-leave]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "customer-presale-chain", page.Locator("[data-testid=presale-page]"));

        // The shop stops the chain (停止接龙): the chain says so, and the order once its refund is through.
        (await app.Staff().PostAsync($"/api/merchant/presales/{id}/stop", null)).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=presale-state]")).ToHaveTextAsync("商家已停止接龙，已付款的订单全额退款");
        await page.GotoAsync(orderUrl);
        for (var i = 0; i < 50 && await page.Locator("[data-testid=order-title]").TextContentAsync() != "商家已停止接龙，已全额退款"; i++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("商家已停止接龙，已全额退款");
    }

    [Fact]
    public async Task the_merchant_publishes_a_pre_sale_for_tomorrows_lunch_from_the_console()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/merchant/login", DemoCampus.MerchantPhone(1));
        await page.GotoAsync("/merchant/presales");
        var panel = page.Locator("[data-testid=presale-panel]");
        await ExpectLiveAsync(page, panel);

        // 牛肉炒拉面 (¥18) has two required groups: the shop fixes 微辣 and 大份 (+¥3) for the chain.
        await panel.Locator("[data-testid=presale-dish]").SelectOptionAsync(StirFried.ToString());
        await Expect(panel.Locator("[data-testid=presale-list-price]")).ToHaveTextAsync("原价 ¥18");
        await panel.Locator("[data-testid=presale-option][data-name=微辣]").ClickAsync();
        await panel.Locator("[data-testid=presale-option][data-name=大份]").ClickAsync();
        await Expect(panel.Locator("[data-testid=presale-list-price]")).ToHaveTextAsync("原价 ¥21");
        await panel.Locator("[data-testid=presale-price]").FillAsync("19");
        await panel.Locator("[data-testid=presale-stock]").FillAsync("40");
        await panel.Locator("[data-testid=presale-minimum]").FillAsync("3");
        await panel.Locator("[data-testid=presale-note]").FillAsync("周末下午茶");
        await panel.Locator("[data-testid=presale-create]").ClickAsync();

        var row = panel.Locator("[data-testid=presale-row]", new() { HasText = "牛肉炒拉面（微辣·大份）" });
        await Expect(row).ToContainTextAsync("¥19 ¥21");
        await Expect(row).ToContainTextAsync("12:00送达");
        await Expect(row.Locator("[data-testid=presale-row-progress]")).ToContainTextAsync("已接龙 0 / 最低 3");
        await Expect(row).ToContainTextAsync("接龙中");
        await Browser.ScreenshotAsync(page, "merchant-presales", panel);

        var listed = (await app.Staff().GetFromJsonAsync<JsonArray>("/api/merchant/presales"))!;
        var chain = listed.Single(p => p!["itemId"]!.GetValue<Guid>() == StirFried && p["minimumQuantity"]!.GetValue<int>() == 3)!;
        (chain["priceFen"]!.GetValue<long>(), chain["stock"]!.GetValue<int>(), chain["note"]!.GetValue<string>()).ShouldBe((1900L, 40, "周末下午茶"));
        chain["optionIds"]!.AsArray().Select(o => o!.GetValue<Guid>())
            .ShouldBe([OrderingKit.Choice(StirFried, group: 0, option: 1), OrderingKit.Choice(StirFried, group: 1, option: 1)]);

        // 停止接龙 asks once more before it cancels and refunds every order.
        await row.Locator("[data-testid=presale-stop]").ClickAsync();
        await row.Locator("[data-testid=presale-stop-yes]").ClickAsync();
        await Expect(row.Locator("[data-testid=presale-row-status]")).ToHaveTextAsync("已停止");
        await Expect(row.Locator("[data-testid=presale-stop]")).ToHaveCountAsync(0);
        var seen = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonObject>($"/api/growth/presales/{chain["id"]!.GetValue<Guid>()}");
        seen!["presale"]!["status"]!.GetValue<string>().ShouldBe("stopped");
    }
}
