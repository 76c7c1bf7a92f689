using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Web.Shopping;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// A 准时宝 customer keeps the order page open while the shop accepts; Tracking's promise arrives afterwards, with no
/// status change to follow it, and the promised window replaces the pending text in place. Once the food arrives late,
/// the verdict and the coupon it earned replace the promise.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class GuaranteeWindowBrowserTests(HeldPromiseSqliteApp app) : BrowserTests(app), IClassFixture<HeldPromiseSqliteApp>
{
    [Fact]
    public async Task the_open_order_page_shows_the_promised_window_once_tracking_promises_it_without_a_reload()
    {
        const int customer = 3;
        var placed = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "guaranteed" }));
        var orderId = IdOf(placed);
        await app.PayAsync(placed);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(orderId, customer) == "AwaitingAcceptance", "the order is paid");

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        var window = page.Locator("[data-testid=guarantee-window]");
        await Expect(window).ToHaveTextAsync("商家接单后确定承诺送达时间");
        await page.EvaluateAsync("() => window.__stayed = true");

        (await app.Staff().PostAsJsonAsync($"/api/merchant/orders/{orderId}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The hint is rendered by the server only: seeing it means the status change's re-render has landed.
        await Expect(page.Locator("[data-live=hint]")).ToHaveTextAsync("商家正在备餐，预计10分钟出餐", new() { Timeout = 15_000 });
        await Expect(window).ToHaveTextAsync("商家接单后确定承诺送达时间");
        // A re-render would drop an attribute it did not render: the window must be written into this very element.
        await window.EvaluateAsync("el => el.dataset.beforePromise = 'yes'");

        await app.ReleasePromiseAsync(orderId);

        JsonNode promised = null!;
        await PaymentProbe.EventuallyAsync(
            async () => (promised = (await app.CustomerViewAsync(orderId, customer))["promisedWindow"]!) is not null, "Tracking's promise reaches the order");
        var expected = $"承诺{Display.Clock(promised["from"]!.GetValue<DateTimeOffset>())}–{Display.Clock(promised["to"]!.GetValue<DateTimeOffset>())}送达，超时赔付¥5优惠券";
        await Expect(window).ToHaveTextAsync(expected, new() { Timeout = 10_000 });
        await Expect(window).ToHaveAttributeAsync("data-before-promise", "yes");
        (await page.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the window appeared without a page load");
        await Expect(page.Locator("[data-order-live]")).ToHaveAttributeAsync("data-status", "Accepted");
    }

    [Fact]
    public async Task the_open_order_page_replaces_the_promise_with_the_missed_verdict_and_its_coupon_once_the_food_arrives_late()
    {
        const int customer = 5, rider = 2;
        var placed = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "guaranteed" }));
        var orderId = await app.AcceptPaidAsync(placed, customer, prepMinutes: 10);
        await app.ReleasePromiseAsync(orderId);
        JsonNode promised = null!;
        await PaymentProbe.EventuallyAsync(
            async () => (promised = (await app.CustomerViewAsync(orderId, customer))["promisedWindow"]!) is not null, "Tracking's promise reaches the order");
        (await app.Staff().PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToContainTextAsync("超时赔付¥5优惠券");
        await Expect(page.Locator("[data-testid=guarantee-outcome]")).ToHaveCountAsync(0);

        try
        {
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);
            // 6½ minutes past the window's end (promise + 3 min).
            app.Clock.Advance(promised["promisedAt"]!.GetValue<DateTimeOffset>() + TimeSpan.FromMinutes(9.5) - app.Clock.GetUtcNow());
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        JsonNode coupon = null!;
        await PaymentProbe.EventuallyAsync(
            async () => (coupon = (await app.CustomerViewAsync(orderId, customer))["guaranteeOutcome"]?["coupon"]!) is not null, "the compensation coupon is issued");
        var expires = Display.InShanghai(coupon["expiresAt"]!.GetValue<DateTimeOffset>()).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var outcome = page.Locator("[data-testid=guarantee-outcome]");
        await Expect(outcome).ToHaveTextAsync($"准时宝：超时7分钟，已赔付¥5优惠券（有效期至{expires}）", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=guarantee-window]")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(outcome).ToHaveTextAsync($"准时宝：超时7分钟，已赔付¥5优惠券（有效期至{expires}）");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "missed");
    }
}
