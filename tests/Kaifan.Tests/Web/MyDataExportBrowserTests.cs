using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>我的 → 下载我的数据 saves the customer's data copy as a file, with their past order in it.</summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class MyDataExportBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task me_download_my_data_saves_a_json_file_holding_the_customers_order()
    {
        const int customer = 3;
        var phone = DemoCampus.CustomerPhone(customer);
        var token = await TokenAsync(phone);
        var orderId = await PlacePaidOrderAsync(token);
        var number = (await app.Client(token).GetFromJsonAsync<JsonNode>($"/api/orders/{orderId}"))!["number"]!.GetValue<string>();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync("/m/me");
        var row = page.Locator("[data-testid=download-my-data]");
        await Expect(row).ToContainTextAsync("下载我的数据");
        await Expect(row).ToContainTextAsync("个人信息副本，JSON格式");

        var download = await page.RunAndWaitForDownloadAsync(() => row.ClickAsync());

        download.SuggestedFilename.ShouldStartWith("kaifan-my-data-");
        download.SuggestedFilename.ShouldEndWith(".json");
        var path = await download.PathAsync();
        var export = JsonNode.Parse(await File.ReadAllTextAsync(path!))!;
        export["userId"]!.GetValue<Guid>().ShouldBe(DemoCampus.CustomerId(customer));
        export["sections"]!["orders"]!.AsArray().Select(o => o!["number"]!.GetValue<string>()).ShouldContain(number);
        export["sections"]!["account"]!["phone"]!.GetValue<string>().ShouldBe(phone);
    }
}
