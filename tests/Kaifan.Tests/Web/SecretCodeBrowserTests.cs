using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Web.Components;

namespace Kaifan.Tests.Web;

/// <summary>
/// 口令红包 on both sides: the operator publishes a code on the 营销活动 page and watches it being claimed; a customer
/// types it under 我的 and is told the coupon it granted, and a second try is refused in words.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class SecretCodeBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_publishes_a_code_and_a_customer_claims_it_once_under_me()
    {
        var code = "KF" + Random.Shared.Next(10_000, 99_999);
        await using var desk = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await desk.NewPageAsync();
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await ops.Locator("[data-testid=nav-growth]").ClickAsync();
        var panel = ops.Locator("[data-testid=ops-secret-codes]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await panel.Locator("[data-testid=secret-code-code]").FillAsync(code);
        await panel.Locator("[data-testid=secret-code-amount]").FillAsync("6");
        await panel.Locator("[data-testid=secret-code-budget]").FillAsync("50");
        await panel.Locator("[data-testid=secret-code-create]").ClickAsync();
        var row = panel.Locator("tr", new() { Has = ops.Locator($"[data-testid=secret-code-cell]:text-is('{code}')") });
        await Expect(row.Locator("[data-testid=secret-code-claimed]")).ToHaveTextAsync("0 / 50");

        await using var phone = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await phone.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(5));
        await page.GotoAsync("/m/me");
        await page.Locator("[data-testid=secret-code-input]").FillAsync(code.ToLowerInvariant());
        await page.Locator("[data-testid=secret-code-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=secret-code-result]")).ToHaveTextAsync("领取成功！¥6 红包已放入卡包");
        var won = page.Locator("[data-testid=my-coupon]").First;
        await Expect(won.Locator("[data-testid=coupon-reason]")).ToHaveTextAsync($"口令红包「{code}」");
        await Expect(won.Locator("[data-testid=coupon-amount]")).ToHaveTextAsync("¥6");

        // Ordering issues the coupon from the grant's event, a moment later; once it has, a fresh 我的 lists it.
        var wallet = app.Client(TestTokens.Customer(5));
        await PaymentProbe.EventuallyAsync(
            async () => (await wallet.GetFromJsonAsync<JsonArray>("/api/me/coupons"))!.Any(c => c!["reason"]!.GetValue<string>().Contains(code)),
            "the coupon is issued", seconds: 60);
        await page.GotoAsync("/m/me");
        await Expect(page.Locator("[data-testid=coupon-reason]").Filter(new() { HasText = code })).ToHaveCountAsync(1);
        await page.Locator("[data-testid=secret-code-input]").FillAsync(code);
        await page.Locator("[data-testid=secret-code-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=secret-code-result]")).ToHaveTextAsync("你已领过这个口令红包");

        // The console, left open, catches up on its own (RereadingPanel).
        await Expect(row.Locator("[data-testid=secret-code-claimed]")).ToHaveTextAsync("1 / 50", new() { Timeout = 2 * (int)RereadingPanel.Every.TotalMilliseconds });
    }
}
