using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Wallet;
using Kaifan.Tests.Identity;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 我的装备: the rider states their capabilities in the rider app and the operator corrects them in the riders table;
/// both reach the profile dispatch plans with. Every profile changed here is put back, as the demo riders are shared
/// (rider 11 is erased at the sheet's foot, 我的数据, and used by nothing else here).
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderGearBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_rider_who_did_not_take_stairs_takes_them_and_more_orders_and_a_range_of_zero_is_refused_beside_the_form()
    {
        const int riderNo = 2;
        var (vehicle, rangeKm, capacity, stairs) = DemoRiders.Profiles[riderNo - 1];
        stairs.ShouldBeFalse("the demo's rider 2 does not take stairs");
        var api = app.Client(TestTokens.Rider(riderNo));
        try
        {
            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var rider = await context.NewPageAsync();
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });

            await rider.Locator("[data-testid=open-gear]").ClickAsync();
            var sheet = rider.Locator("[data-testid=gear-sheet]");
            await Expect(sheet.Locator("[data-testid=gear-vehicle]")).ToHaveValueAsync(vehicle);
            await Expect(sheet.Locator("[data-testid=gear-vehicle] option:checked")).ToHaveTextAsync("电动车");
            await Expect(sheet.Locator("[data-testid=gear-range]")).ToHaveValueAsync(rangeKm.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(sheet.Locator("[data-testid=gear-capacity]")).ToHaveValueAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(sheet.Locator("[data-testid=gear-stairs]")).Not.ToBeCheckedAsync();

            // Dispatch bounds a cyclist's route too: without a battery the range is asked as the farthest they ride.
            var rangeLabel = sheet.Locator("[data-testid=gear-range-label]");
            await Expect(rangeLabel).ToHaveTextAsync("电池续航（公里）");
            await sheet.Locator("[data-testid=gear-vehicle]").SelectOptionAsync("bicycle");
            await Expect(rangeLabel).ToHaveTextAsync("最远骑行距离（公里）");
            await Expect(sheet.Locator("[data-testid=gear-range]")).ToBeVisibleAsync();
            await sheet.Locator("[data-testid=gear-vehicle]").SelectOptionAsync("ebike");
            await Expect(rangeLabel).ToHaveTextAsync("电池续航（公里）");

            await sheet.Locator("[data-testid=gear-stairs]").CheckAsync();
            await sheet.Locator("[data-testid=gear-capacity]").FillAsync("6");
            await sheet.Locator("[data-testid=gear-save]").ClickAsync();
            await Expect(sheet).ToHaveCountAsync(0);
            await Expect(rider.Locator("[data-testid=rider-notice]")).ToContainTextAsync("装备已保存");
            var saved = await ProfileAsync(api);
            saved["acceptsStairs"]!.GetValue<bool>().ShouldBeTrue();
            saved["capacity"]!.GetValue<int>().ShouldBe(6);
            saved["batteryRangeKm"]!.GetValue<double>().ShouldBe(rangeKm);
            saved["vehicleType"]!.GetValue<string>().ShouldBe(vehicle);

            await rider.Locator("[data-testid=open-gear]").ClickAsync();
            await Expect(sheet.Locator("[data-testid=gear-stairs]")).ToBeCheckedAsync();
            await Expect(sheet.Locator("[data-testid=gear-capacity]")).ToHaveValueAsync("6");
            await sheet.Locator("[data-testid=gear-range]").FillAsync("0");
            await sheet.Locator("[data-testid=gear-stairs]").UncheckAsync();
            await sheet.Locator("[data-testid=gear-save]").ClickAsync();
            var problem = sheet.Locator("[data-testid=gear-error]");
            await Expect(problem).ToHaveTextAsync("续航或最远距离须在0.5到300公里之间");
            await Expect(sheet.Locator("[data-testid=gear-range]")).ToHaveValueAsync("0"); // the sheet stays open with what was typed
            var unchanged = await ProfileAsync(api);
            unchanged["batteryRangeKm"]!.GetValue<double>().ShouldBe(rangeKm);
            unchanged["acceptsStairs"]!.GetValue<bool>().ShouldBeTrue("a refused save changes nothing, the stairs box included");
            unchanged["capacity"]!.GetValue<int>().ShouldBe(6);
        }
        finally
        {
            (await api.PutAsJsonAsync("/api/rider/profile", new { vehicleType = vehicle, batteryRangeKm = rangeKm, capacity, acceptsStairs = stairs })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task the_operator_edits_a_riders_capacity_range_and_stairs_from_the_riders_table()
    {
        const int riderNo = 6;
        var (vehicle, rangeKm, capacity, stairs) = DemoRiders.Profiles[riderNo - 1];
        var ops = app.Client(TestTokens.Operator());
        try
        {
            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            var row = page.Locator("[data-testid=ops-riders] tr", new() { HasText = "137****0006" });
            await Expect(row.Locator("[data-testid=rider-capacity]")).ToHaveTextAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            await Expect(row.Locator("[data-testid=rider-range]")).ToHaveTextAsync($"{rangeKm:0.#}公里");
            await Expect(page.Locator("[data-testid=ops-riders] th", new() { HasText = "续航/最远距离" })).ToHaveCountAsync(1);
            await Expect(row.Locator("[data-testid=rider-stairs]")).ToHaveTextAsync(stairs ? "接受" : "不接");

            await row.Locator("[data-testid=rider-edit]").ClickAsync();
            var edit = page.Locator("[data-testid=ops-gear-edit]");
            await Expect(edit).ToContainTextAsync("137****0006");
            await edit.Locator("[data-testid=gear-capacity]").FillAsync("2");
            await edit.Locator("[data-testid=gear-range]").FillAsync("12.5");
            await edit.Locator("[data-testid=gear-stairs]").CheckAsync();
            await edit.Locator("[data-testid=gear-save]").ClickAsync();

            await Expect(edit).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-testid=ops-message]")).ToHaveTextAsync("已更新 137****0006 的装备");
            await Expect(row.Locator("[data-testid=rider-capacity]")).ToHaveTextAsync("2");
            await Expect(row.Locator("[data-testid=rider-range]")).ToHaveTextAsync("12.5公里");
            await Expect(row.Locator("[data-testid=rider-stairs]")).ToHaveTextAsync("接受");
            var profile = await ProfileAsync(app.Client(TestTokens.Rider(riderNo)));
            profile["capacity"]!.GetValue<int>().ShouldBe(2);
            profile["batteryRangeKm"]!.GetValue<double>().ShouldBe(12.5);
            profile["acceptsStairs"]!.GetValue<bool>().ShouldBeTrue();
            profile["vehicleType"]!.GetValue<string>().ShouldBe(vehicle);
            profile["homeZoneId"]!.GetValue<Guid>().ShouldBe(DemoCampus.ZoneId(1), "the edit keeps the rider's home zone");
        }
        finally
        {
            (await ops.PutAsJsonAsync($"/api/ops/riders/{DemoCampus.RiderId(riderNo)}/profile",
                new { homeZoneId = DemoCampus.ZoneId(1), vehicleType = vehicle, batteryRangeKm = rangeKm, capacity, acceptsStairs = stairs })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task my_gear_downloads_the_riders_data_and_erasure_names_the_balance_to_withdraw_then_erases_and_signs_out()
    {
        const int riderNo = 11;
        await RiderDataKit.EarnAsync(app, riderNo, 1_000, app.Clock.GetUtcNow().AddDays(-1));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
        await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await rider.Locator("[data-testid=open-gear]").ClickAsync();
        var sheet = rider.Locator("[data-testid=gear-sheet]");

        var download = await rider.RunAndWaitForDownloadAsync(() => sheet.Locator("[data-testid=download-my-data]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("kaifan-my-data-");
        var copy = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!["sections"]!;
        copy["account"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(riderNo));
        copy["rider"]!["earnings"]!.AsArray().ShouldHaveSingleItem()!["totalFen"]!.GetValue<long>().ShouldBe(1_000);

        await sheet.Locator("[data-testid=erase-account]").ClickAsync();
        await Expect(sheet.Locator("[data-testid=erase-warning]")).ToContainTextAsync("无法恢复");
        await sheet.Locator("[data-testid=erase-confirm]").FillAsync("注销");
        await sheet.Locator("[data-testid=erase-submit]").ClickAsync();
        await Expect(sheet.Locator("[data-testid=erase-error]")).ToContainTextAsync("余额¥10尚未提现");
        await Browser.ScreenshotAsync(rider, "rider-erase", sheet.Locator("[data-testid=erase-error]"));

        await RiderDataKit.WithdrawnAsync(app, riderNo, 1_000, WithdrawalStatus.Paid);

        await sheet.Locator("[data-testid=erase-submit]").ClickAsync();
        await rider.WaitForURLAsync(url => url.Contains("/rider/login"));
        await Expect(rider.Locator("[data-testid=erased-notice]")).ToContainTextAsync("骑手账号已注销");
        (await app.Client(TestTokens.Rider(riderNo)).GetAsync("/api/rider/status")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonNode> ProfileAsync(HttpClient api) => JsonNode.Parse(await api.GetStringAsync("/api/rider/profile"))!;
}
