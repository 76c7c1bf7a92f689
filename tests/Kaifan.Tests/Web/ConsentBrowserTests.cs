using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 我的 → 隐私设置: one switch per purpose, turned on and off with the same tap, the last change dated in Shanghai time;
/// and the rider app's one-time location consent screen before the first 上线.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class ConsentBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_turns_marketing_on_and_off_again_in_privacy_settings()
    {
        const int customer = 4;
        await Kaifan.Tests.Identity.ConsentTests.StaleGrantAsync(app, customer, ConsentPurposes.Personalisation, app.Clock.GetUtcNow().AddDays(-30));
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync("/m/me");
        await Expect(page.Locator("[data-testid=privacy-renewal]")).ToHaveTextAsync("隐私政策已更新，有授权需要你重新确认");
        await page.Locator("[data-testid=privacy-settings]").ClickAsync();
        await page.WaitForURLAsync("**/m/me/privacy");

        var rows = page.Locator("[data-testid=consent]");
        await Expect(rows).ToHaveCountAsync(ConsentPurposes.All.Count);
        var marketing = page.Locator($"[data-testid=consent][data-purpose={ConsentPurposes.Marketing}]");
        await Expect(marketing).ToContainTextAsync("营销消息");
        await Expect(marketing).ToHaveAttributeAsync("data-granted", "false");
        await Expect(marketing.Locator("[data-testid=consent-changed]")).ToHaveTextAsync("尚未选择，视为不同意");
        await Expect(page.Locator($"[data-testid=consent][data-purpose={ConsentPurposes.Health}]")).ToHaveAttributeAsync("data-granted", "true");

        await marketing.Locator("[data-testid=consent-switch]").ClickAsync();
        await Expect(marketing).ToHaveAttributeAsync("data-granted", "true");
        await Expect(marketing.Locator("[data-testid=consent-switch]")).ToHaveAttributeAsync("aria-checked", "true");
        var shanghai = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        await Expect(marketing.Locator("[data-testid=consent-changed]")).ToHaveTextAsync($"最近更改 {shanghai}");

        await marketing.Locator("[data-testid=consent-switch]").ClickAsync();
        await Expect(marketing).ToHaveAttributeAsync("data-granted", "false");

        var personalisation = page.Locator($"[data-testid=consent][data-purpose={ConsentPurposes.Personalisation}]");
        await Expect(personalisation).ToHaveAttributeAsync("data-granted", "false");
        await Expect(personalisation.Locator("[data-testid=consent-renewal]")).ToContainTextAsync("隐私政策已更新此项，请重新确认");
        await personalisation.Locator("[data-testid=consent-switch]").ClickAsync();
        await Expect(personalisation).ToHaveAttributeAsync("data-granted", "true");
        await Expect(personalisation.Locator("[data-testid=consent-renewal]")).ToHaveCountAsync(0);

        var api = app.Client(TestTokens.Customer(customer));
        var history = (await api.GetFromJsonAsync<JsonObject>("/api/me/consents"))!["history"]!.AsArray()
            .Where(h => h!["purpose"]!.GetValue<string>() == ConsentPurposes.Marketing)
            .Select(h => h!["granted"]!.GetValue<bool>());
        history.ShouldBe([false, true]);
    }

    [Fact]
    public async Task special_care_at_checkout_asks_for_health_consent_beside_it_and_grants_it_with_the_order()
    {
        const int customer = 1;
        var api = app.Client(TestTokens.Customer(customer));
        (await api.PutAsJsonAsync($"/api/me/consents/{ConsentPurposes.Health}", new { granted = false })).EnsureSuccessStatusCode();
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

        await Expect(page.Locator("[data-testid=care-consent]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=special-care] input").CheckAsync();
        var consent = page.Locator("[data-testid=care-consent]");
        await Expect(consent).ToContainTextAsync("单独同意");

        // Not ticked: said beside it, and nothing is placed.
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await Expect(page.Locator("[data-testid=field-error][data-field=careConsent]")).ToHaveTextAsync("特殊关照属于健康信息，请先勾选同意");
        (await api.GetFromJsonAsync<JsonArray>("/api/orders"))!.Count.ShouldBe(0);

        await consent.Locator("input").CheckAsync();
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/m/pay/*");
        var orderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        (await api.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["specialCare"]!.GetValue<bool>().ShouldBeTrue();
        var health = (await api.GetFromJsonAsync<JsonObject>("/api/me/consents"))!["purposes"]!.AsArray()
            .Single(p => p!["purpose"]!.GetValue<string>() == ConsentPurposes.Health)!;
        health["granted"]!.GetValue<bool>().ShouldBeTrue("granted in the same submit");
    }

    [Fact]
    public async Task a_rider_without_location_consent_is_asked_once_and_goes_online_after_agreeing()
    {
        const int riderNo = 12;
        var api = app.Rider(riderNo);
        (await api.PutAsJsonAsync($"/api/me/consents/{ConsentPurposes.Location}", new { granted = false })).EnsureSuccessStatusCode();
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        try
        {
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            var riderApp = rider.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });

            await rider.Locator("[data-testid=go-online]").ClickAsync();
            var consent = rider.Locator("[data-testid=location-consent]");
            await Expect(consent).ToContainTextAsync("顾客");
            await Expect(consent).ToContainTextAsync("仅在上线期间共享");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "false");

            await consent.Locator("[data-testid=consent-agree]").ClickAsync();
            await Expect(consent).ToHaveCountAsync(0);
            // The test browser has no geolocation: the manual position is the next step, as before.
            await rider.Locator("[data-testid=manual-online]").ClickAsync();
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });

            var consents = (await api.GetFromJsonAsync<JsonObject>("/api/me/consents"))!;
            consents["purposes"]!.AsArray().Single(p => p!["purpose"]!.GetValue<string>() == ConsentPurposes.Location)!["granted"]!.GetValue<bool>().ShouldBeTrue();
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }
}
