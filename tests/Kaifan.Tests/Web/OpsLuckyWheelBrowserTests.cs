using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Growth.LuckyWheel;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 幸运大转盘 on the 营销活动 page: the operator sees each prize's stock left and times won and the day's spins, and
/// starts a wheel (a refused one names what is missing). Its own host, so the wheel it starts is not the one customers
/// see in the other browser tests.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsLuckyWheelBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_starts_a_wheel_and_sees_each_prizes_stock_left_and_the_days_spins()
    {
        (await app.Client(TestTokens.Customer(3)).PostAsJsonAsync("/api/growth/wheel/spin", new { wheelId = DemoLuckyWheel.Id }))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var demo = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/growth/wheels"))!
            .Single(w => w!["id"]!.GetValue<Guid>() == DemoLuckyWheel.Id)!;

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.GotoAsync("/ops/growth");
        var panel = page.Locator("[data-testid=ops-lucky-wheel]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var demoWheel = panel.Locator($"[data-testid=wheel-ops][data-wheel-id='{DemoLuckyWheel.Id}']");
        await Expect(demoWheel.Locator("[data-testid=wheel-spins-today]")).ToHaveTextAsync($"今日抽奖 {demo["spinsToday"]!.GetValue<int>()} 次");
        await Expect(demoWheel.Locator("[data-testid=wheel-prize-won]")).ToHaveTextAsync(
            demo["prizes"]!.AsArray().Select(p => p!["won"]!.GetValue<int>().ToString()).ToArray());

        await panel.Locator("[data-testid=wheel-create]").ClickAsync();
        await Expect(panel.Locator("[data-testid=wheel-problem]")).ToContainTextAsync("请输入转盘名称");

        await panel.Locator("[data-testid=wheel-name]").FillAsync("周末转盘");
        await panel.Locator("[data-testid=wheel-create]").ClickAsync();
        var created = panel.Locator("[data-testid=wheel-ops]").Filter(new() { HasText = "周末转盘" });
        await Expect(created.Locator("[data-testid=wheel-prize-left]")).ToHaveTextAsync(["500 / 500", "不限", "200 / 200", "不限"]);
        await Expect(created.Locator("[data-testid=wheel-spins-today]")).ToHaveTextAsync("今日抽奖 0 次");
        await Expect(panel.Locator("[data-testid=wheel-problem]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "ops-lucky-wheel", created);

        // 调整: more of the ¥5 coupon, the ¥3 one weighted less; a stock under what was won would be refused, not kept.
        await created.Locator("[data-testid=wheel-edit]").ClickAsync();
        var form = created.Locator("[data-testid=wheel-edit-form]");
        await form.Locator("[data-testid=wheel-edit-name]").FillAsync("周末大转盘");
        await form.Locator("[data-testid=wheel-edit-weight]").First.FillAsync("5");
        await form.Locator("[data-testid=wheel-edit-stock]").Nth(2).FillAsync("300");
        await Browser.ScreenshotAsync(page, "ops-lucky-wheel-edit", form);
        await form.Locator("[data-testid=wheel-edit-save]").ClickAsync();
        var renamed = panel.Locator("[data-testid=wheel-ops]").Filter(new() { HasText = "周末大转盘" });
        await Expect(renamed.Locator("[data-testid=wheel-prize-left]")).ToHaveTextAsync(["500 / 500", "不限", "300 / 300", "不限"]);
        await Expect(renamed.Locator("[data-testid=wheel-edit-form]")).ToHaveCountAsync(0);

        await renamed.Locator("[data-testid=wheel-end]").ClickAsync();
        await renamed.Locator("[data-testid=wheel-end-confirm]").ClickAsync();
        await Expect(renamed.Locator(".rz-badge").First).ToHaveTextAsync("已结束");
        await Expect(renamed.Locator("[data-testid=wheel-edit]")).ToHaveCountAsync(0);
    }
}
