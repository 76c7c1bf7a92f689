using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Web.Shopping;
using System.Net.Http.Json;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>The operator moves an order (marked 准时宝 and 特殊关照) from its rider to another online rider from the dispatch board, live over /hubs/ops.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsConsoleBrowserTests : BrowserTests, IClassFixture<LunchtimeSqliteApp>
{
    private readonly LunchtimeSqliteApp app;

    public OpsConsoleBrowserTests(LunchtimeSqliteApp app)
        : base(app) => this.app = app;

    [Fact]
    public async Task the_operator_reassigns_an_order_to_another_online_rider_from_the_dispatch_board()
    {
        const int customerNo = 1, first = 4, second = 5;
        var orderId = await app.AcceptPaidAsync(
            await PlacedAsync(app.Client(TestTokens.Customer(customerNo)), TierKit.Checkout(customerNo, new { serviceTier = "guaranteed", specialCare = true })), customerNo, prepMinutes: 10);
        (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).EnsureSuccessStatusCode();
        try
        {
            await app.AssignAsync(orderId, first);
            await app.OnlineAsync(second, latOffset: 0.001);

            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var ops = await context.NewPageAsync();
            await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(ops.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-hub", "connected", new() { Timeout = 15_000 });
            var card = ops.Locator($"[data-column=assigned] [data-order-id='{orderId}']");
            await Expect(card).ToContainTextAsync("137****0004", new() { Timeout = 15_000 });
            await Expect(card.Locator("[data-testid=ops-badge-guaranteed]")).ToHaveTextAsync("准时宝");
            await Expect(card.Locator("[data-testid=ops-badge-care]")).ToHaveTextAsync("特殊关照");
            await Expect(card.Locator("[data-testid=ops-badge-locker]")).ToHaveCountAsync(0);

            await card.Locator("[data-testid=reassign-rider]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "137****0005 (0)" });
            await card.Locator("[data-testid=reassign]").ClickAsync();

            await Expect(ops.Locator("[data-testid=ops-message]")).ToHaveTextAsync("已改派给 137****0005");
            var offered = ops.Locator($"[data-column=offered] [data-order-id='{orderId}']");
            await Expect(offered).ToContainTextAsync("已派给 137****0005", new() { Timeout = 15_000 });
            await Expect(ops.Locator($"[data-column=assigned] [data-order-id='{orderId}']")).ToHaveCountAsync(0);
            (await app.OfferOfAsync(second, orderId)).ShouldNotBeNull();
            await Browser.ScreenshotAsync(ops, "ops-reassign", offered);
        }
        finally
        {
            await app.OfflineAsync(first, second);
        }
    }

    [Fact]
    public async Task the_operator_offboards_a_shop_assistant_and_sees_the_last_staff_account_refused()
    {
        const int soloShop = 3, pairShop = 2;
        var onboarded = await app.Client(TestTokens.Operator()).PostAsJsonAsync(
            "/api/ops/staff", new { phone = "13322220009", name = "新店员", role = "merchant", merchantId = DemoCampus.MerchantId(pairShop) });
        var leaverId = (await onboarded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["userId"]!.GetValue<Guid>();

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.Locator("[data-testid=nav-staff]").ClickAsync();
        var panel = page.Locator("[data-testid=ops-staff]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var dialog = panel.Locator("[data-testid=staff-offboard-dialog]");

        // The only account of shop 3: the API's refusal is shown in the dialog as it comes, and nothing changes.
        var solo = panel.Locator("tr", new() { Has = page.Locator($"[data-user-id='{DemoCampus.MerchantStaffId(soloShop)}']") });
        await solo.Locator("[data-testid=staff-offboard]").ClickAsync();
        await Expect(dialog.Locator("[data-testid=staff-offboard-confirm]")).ToBeDisabledAsync();
        await dialog.Locator("[data-testid=staff-offboard-reason]").FillAsync("个人原因离职");
        await dialog.Locator("[data-testid=staff-offboard-confirm]").ClickAsync();
        await Expect(dialog.Locator("[data-testid=staff-offboard-refusal]")).ToContainTextAsync("最后一个员工账号");
        await dialog.Locator("[data-testid=staff-offboard-cancel]").ClickAsync();
        await Expect(solo.Locator("[data-testid=staff-state]")).ToHaveTextAsync("在职");

        var leaver = panel.Locator("tr", new() { Has = page.Locator($"[data-user-id='{leaverId}']") });
        await Expect(leaver).ToContainTextAsync("133****0009");
        await leaver.Locator("[data-testid=staff-offboard]").ClickAsync();
        await dialog.Locator("[data-testid=staff-offboard-reason]").FillAsync("合同到期");
        await Browser.ScreenshotAsync(page, "ops-staff-offboard", dialog);
        await dialog.Locator("[data-testid=staff-offboard-confirm]").ClickAsync();

        await Expect(panel.Locator("[data-testid=staff-message]")).ToContainTextAsync("已办理离职");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(leaver.Locator("[data-testid=staff-state]")).ToHaveTextAsync("已离职");
        await Expect(leaver.Locator("[data-testid=staff-offboard]")).ToHaveCountAsync(0);
        await Expect(leaver).Not.ToContainTextAsync("133****0009");
    }

    [Fact]
    public async Task the_operator_flags_bad_weather_for_a_zone_from_the_dispatch_board()
    {
        var ops = app.Client(TestTokens.Operator());
        async Task<bool> FlaggedAsync() =>
            (await JsonOf(await ops.GetAsync($"/api/ops/zones/{DeliveryKit.EastZone}/dispatch")))["badWeather"]!.GetValue<bool>();
        try
        {
            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=ops-zone]").SelectOptionAsync(DeliveryKit.EastZone.ToString());
            var toggle = page.Locator("[data-testid=ops-bad-weather]");
            await Expect(toggle).ToBeEnabledAsync(new() { Timeout = 15_000 });
            // Another test's order may have left the zone short of riders, so only the weather part of the badge is asserted.
            var weatherBadge = page.Locator("[data-testid=ops-priority]", new() { HasText = "恶劣天气" });
            await Expect(weatherBadge).ToHaveCountAsync(0);

            await toggle.CheckAsync();
            await Expect(page.Locator("[data-testid=ops-priority]")).ToHaveTextAsync("恶劣天气 · 高价值顾客优先", new() { Timeout = 15_000 });
            (await FlaggedAsync()).ShouldBeTrue();
            await Expect(toggle).ToBeCheckedAsync();

            await toggle.UncheckAsync();
            await Expect(weatherBadge).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            (await FlaggedAsync()).ShouldBeFalse();
        }
        finally
        {
            await ops.PutAsJsonAsync($"/api/ops/zones/{DeliveryKit.EastZone}/weather", new { badWeather = false });
        }
    }

    /// <summary>The operator signs in at most five times an hour, so this journey also offboards a rider while the board is open.</summary>
    [Fact]
    public async Task a_rider_whose_phone_went_silent_shows_as_no_signal_and_one_offboarded_meanwhile_as_having_left()
    {
        const int rider = 7, leaver = 11;
        try
        {
            await app.OnlineAsync(rider);
            app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var ops = await context.NewPageAsync();
            await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
            var row = ops.Locator("tr").Filter(new() { HasText = "137****0007" });
            await Expect(row.Locator("[data-testid=rider-state]")).ToHaveTextAsync("失联", new() { Timeout = 15_000 });

            // Dispatch hears only that the account closed; the board asks Identity why without a reload.
            var states = ops.Locator("[data-testid=ops-riders] [data-testid=rider-state]");
            await Expect(states.Filter(new() { HasText = "已离职" })).ToHaveCountAsync(0);
            (await app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/staff/{DemoCampus.RiderId(leaver)}/offboard", new { reason = "合同到期" }))
                .EnsureSuccessStatusCode();
            await Expect(states.Filter(new() { HasText = "已离职" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(states.Filter(new() { HasText = "已注销" })).ToHaveCountAsync(0);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_standing_still_with_food_on_board_shows_as_stalled_since_they_stopped_in_the_riders_table()
    {
        const int customer = 3, rider = 8;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            var stoppedAt = app.Clock.GetUtcNow();
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);
            await app.StandStillAsync(TimeSpan.FromMinutes(9), rider);

            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var ops = await context.NewPageAsync();
            await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
            var row = ops.Locator("tr").Filter(new() { HasText = "137****0008" });
            await Expect(row.Locator("[data-testid=rider-state]")).ToHaveTextAsync("滞留", new() { Timeout = 15_000 });
            await Expect(row.Locator("[data-testid=rider-still]")).ToHaveTextAsync($"{Display.Clock(stoppedAt)}起 · 9分钟");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
