using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>批次配送线路: the operator adds a line for the picked zone in the console and it joins the list, departures earliest first.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsBatchLinesBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly string Lines = $"/api/ops/zones/{DemoCampus.ZoneId(1)}/batch-lines";

    [Fact]
    public async Task the_operator_adds_a_batch_line_and_it_appears_in_the_list_with_its_departures()
    {
        var ops = app.Client(TestTokens.Operator());
        try
        {
            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=ops-zone]").SelectOptionAsync(DemoCampus.ZoneId(1).ToString());
            var panel = page.Locator("[data-testid=ops-batch-lines]");
            await Expect(panel.Locator("h2")).ToContainTextAsync("批次配送线路");
            await Expect(panel.Locator("[data-testid=batch-lines-hint]")).ToContainTextAsync("已在候车的订单仍按原班次出发");
            var demo = panel.Locator("tr", new() { HasText = "东区宿舍楼群" });
            await Expect(demo.Locator("[data-testid=batch-line-departure]")).ToHaveTextAsync(["11:00", "11:30", "12:00", "12:30", "13:00", "13:30"], new() { Timeout = 15_000 });

            await panel.Locator("[data-testid=batch-line-add]").ClickAsync();
            var form = panel.Locator("[data-testid=batch-line-form]");
            await form.Locator("[data-testid=batch-line-name-input]").FillAsync("北区宿舍");
            await form.Locator("[data-testid=batch-line-latitude]").FillAsync("31.0292");
            await form.Locator("[data-testid=batch-line-longitude]").FillAsync("121.4425");
            await form.Locator("[data-testid=batch-line-radius]").FillAsync("80");
            await form.Locator("[data-testid=batch-line-departures-input]").FillAsync("12:40，25:00");
            await form.Locator("[data-testid=batch-line-save]").ClickAsync();
            await Expect(form.Locator("[data-testid=batch-line-departures-problem]")).ToHaveTextAsync("发车时间须为24小时制HH:mm，如11:30");
            (await LinesAsync(ops)).ShouldNotContain(l => l["name"]!.GetValue<string>() == "北区宿舍");

            await form.Locator("[data-testid=batch-line-departures-input]").FillAsync("12:40, 12:10");
            await form.Locator("[data-testid=batch-line-save]").ClickAsync();
            await Expect(form).ToHaveCountAsync(0);
            await Expect(panel.Locator("[data-testid=batch-line-message]")).ToHaveTextAsync("已保存线路 北区宿舍");
            var added = panel.Locator("tr", new() { HasText = "北区宿舍" });
            await Expect(added.Locator("[data-testid=batch-line-departure]")).ToHaveTextAsync(["12:10", "12:40"]);
            await Expect(added).ToContainTextAsync("80米");
            await Expect(added).ToContainTextAsync("31.0292, 121.4425");

            var saved = (await LinesAsync(ops)).Single(l => l["name"]!.GetValue<string>() == "北区宿舍");
            saved["radiusMetres"]!.GetValue<double>().ShouldBe(80);
            saved["departures"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["12:10", "12:40"]);
        }
        finally
        {
            foreach (var line in (await LinesAsync(ops)).Where(l => l["name"]!.GetValue<string>() == "北区宿舍"))
            {
                (await ops.DeleteAsync($"{Lines}/{line["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        }
    }

    private static async Task<List<JsonNode>> LinesAsync(HttpClient ops) =>
        (await ops.GetFromJsonAsync<JsonArray>(Lines))!.Select(l => l!).ToList();
}
