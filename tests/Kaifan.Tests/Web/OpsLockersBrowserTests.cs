using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>外卖柜 panel of the ops console: the operator adds a locker to the picked zone, is told beside the field when it lies outside, and removes it.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsLockersBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly Guid EastZone = DemoCampus.ZoneId(1);

    [Fact]
    public async Task the_operator_adds_a_locker_to_the_picked_zone_sees_it_listed_and_removes_it()
    {
        const string name = "东区7号楼外卖柜";
        try
        {
            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await WatchRowsAsync(page, "[data-testid=locker-name-cell]");
            await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=ops-lockers] [data-testid=locker-name-cell]").First).ToBeVisibleAsync();
            await ExpectRowsKeptAsync(page);
            await page.Locator("[data-testid=ops-zone]").SelectOptionAsync(EastZone.ToString());

            var panel = page.Locator("[data-testid=ops-lockers]");
            await Expect(panel.Locator("h2")).ToContainTextAsync("外卖柜");
            await Expect(panel.Locator("[data-testid=locker-name-cell]", new() { HasText = "东区食堂外卖柜" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(panel.Locator("[data-testid=locker-name-cell]", new() { HasText = "西区食堂外卖柜" })).ToHaveCountAsync(0);

            await panel.Locator("[data-testid=locker-add]").ClickAsync();
            var form = panel.Locator("[data-testid=locker-form]");
            await Expect(form.Locator("h3")).ToHaveTextAsync("新增外卖柜 · 东区");
            await Expect(form.Locator("[data-testid=locker-latitude]")).ToHaveValueAsync("31.025");
            await form.Locator("[data-testid=locker-name]").FillAsync(name);

            // About 20 km north: refused beside the latitude, the form keeps what was typed.
            await form.Locator("[data-testid=locker-latitude]").FillAsync("31.205");
            await form.Locator("[data-testid=locker-save]").ClickAsync();
            await Expect(form.Locator("[data-testid=field-error][data-field=latitude]")).ToContainTextAsync("外卖柜不在该区域内");
            await Expect(form.Locator("[data-testid=locker-name]")).ToHaveValueAsync(name);
            (await LockersAsync()).ShouldNotContain(l => l!["name"]!.GetValue<string>() == name);

            await form.Locator("[data-testid=locker-latitude]").FillAsync("31.0263");
            await form.Locator("[data-testid=locker-longitude]").FillAsync("121.4436");
            await form.Locator("[data-testid=locker-save]").ClickAsync();
            await Expect(form).ToHaveCountAsync(0);
            await Expect(panel.Locator("[data-testid=locker-message]")).ToHaveTextAsync($"已保存外卖柜 {name}");
            var row = panel.Locator("tr", new() { HasText = name });
            await Expect(row.Locator("[data-testid=locker-position]")).ToHaveTextAsync("31.0263, 121.4436");
            var saved = (await LockersAsync()).Single(l => l!["name"]!.GetValue<string>() == name)!;
            saved["latitude"]!.GetValue<double>().ShouldBe(31.0263);
            saved["longitude"]!.GetValue<double>().ShouldBe(121.4436);

            await row.Locator("[data-testid=locker-remove]").ClickAsync();
            await row.Locator("[data-testid=locker-remove-confirm]").ClickAsync();
            await Expect(panel.Locator("[data-testid=locker-message]")).ToContainTextAsync($"已删除外卖柜 {name}");
            await Expect(panel.Locator("tr", new() { HasText = name })).ToHaveCountAsync(0);
            (await LockersAsync()).ShouldNotContain(l => l!["name"]!.GetValue<string>() == name);
        }
        finally
        {
            foreach (var left in (await LockersAsync()).Where(l => l!["name"]!.GetValue<string>() == name))
            {
                await app.Client(TestTokens.Operator()).DeleteAsync($"/api/ops/zones/{EastZone}/lockers/{left!["id"]}");
            }
        }
    }

    private async Task<JsonArray> LockersAsync() => (await app.Client().GetFromJsonAsync<JsonArray>($"/api/zones/{EastZone}/lockers"))!;
}
