using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// The menu editor sends prices and stock as typed: a refusal shows beside its field, the text stays, the message
/// 已保存 does not appear and the dish keeps its price and stock; a good price then saves. The live editor takes over the
/// prerendered menu as it is, without a 加载中… in between.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class MenuEditorBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private const string Egg = "卤蛋";

    [Fact]
    public async Task a_bad_price_or_stock_is_refused_beside_its_field_as_typed_and_nothing_is_saved()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/merchant/login", DemoCampus.MerchantPhone(1));
        await page.GotoAsync("/merchant/menu");
        await Expect(page.Locator("[data-testid=menu-editor]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-testid=menu-item][data-name='{Egg}']") });
        var price = row.Locator("[data-testid=price-input]");
        var stock = row.Locator("[data-testid=stock-input]");
        await Expect(price).ToHaveValueAsync("2");

        // Each step's error differs from the one before, so an assertion cannot pass on the previous step's answer
        // while this step's save is still on its way.
        foreach (var (typed, error) in new[] { ("-5", "价格须在 ¥0 到 ¥10000 之间"), ("", "请填写价格"), ("99999999", "价格须在 ¥0 到 ¥10000 之间") })
        {
            await price.FillAsync(typed);
            await row.Locator("[data-testid=save-item]").ClickAsync();
            await Expect(row.Locator("[data-testid=price-error]")).ToHaveTextAsync(error);
            await Expect(price).ToHaveValueAsync(typed);
            await Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("[data-testid=menu-message]")).ToHaveCountAsync(0);
        }

        await price.FillAsync("2");
        await stock.FillAsync("-3");
        await row.Locator("[data-testid=save-item]").ClickAsync();
        await Expect(row.Locator("[data-testid=stock-error]")).ToHaveTextAsync("库存须为 0 到 1000000 的整数，不填为不限量");
        await Expect(stock).ToHaveValueAsync("-3");
        await Expect(row.Locator("[data-testid=price-error]")).ToHaveCountAsync(0);

        var egg = await EggAsync();
        egg.GetProperty("priceFen").GetInt64().ShouldBe(200);
        egg.GetProperty("soldOut").GetBoolean().ShouldBeFalse();
        egg.GetProperty("stock").ValueKind.ShouldBe(JsonValueKind.Null);

        await stock.FillAsync("");
        await price.FillAsync("2.5");
        await row.Locator("[data-testid=save-item]").ClickAsync();
        await Expect(page.Locator("[data-testid=menu-message]")).ToHaveTextAsync($"已保存：{Egg}");
        (await EggAsync()).GetProperty("priceFen").GetInt64().ShouldBe(250);
    }

    [Fact]
    public async Task the_live_editor_takes_over_the_prerendered_menu_without_loading_it_again()
    {
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/merchant/login", DemoCampus.MerchantPhone(1));
        await page.AddInitScriptAsync("""
            window.loadingAfterMenu = false;
            new MutationObserver(() => {
                if (document.querySelector('[data-testid=menu-item]')) { window.sawMenu = true; }
                else if (window.sawMenu && document.body?.textContent.includes('加载中')) { window.loadingAfterMenu = true; }
            }).observe(document, { subtree: true, childList: true, characterData: true });
            """);
        await page.GotoAsync("/merchant/menu");
        await Expect(page.Locator("[data-testid=menu-editor]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(page.Locator($"[data-testid=menu-editor] [data-testid=menu-item][data-name='{Egg}']")).ToBeVisibleAsync();

        (await page.EvaluateAsync<bool>("window.sawMenu === true")).ShouldBeTrue("the prerendered page shows the menu");
        (await page.EvaluateAsync<bool>("window.loadingAfterMenu")).ShouldBeFalse("the live editor replaced the menu with 加载中…");
    }

    private async Task<JsonElement> EggAsync()
    {
        var menu = await app.Client().GetFromJsonAsync<JsonElement>($"/api/merchants/{DemoCampus.MerchantId(1)}/menu");
        return menu.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .First(i => i.GetProperty("name").GetString() == Egg);
    }
}
