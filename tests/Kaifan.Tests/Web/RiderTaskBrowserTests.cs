using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// The rider's task card: the door's room while delivering, the shop by name, 导航 that reads as a phrase in both
/// languages, a header that never clips its name, a language switch, and a double tap of 确认 that is no error.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderTaskBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_rider_sees_the_doors_room_while_delivering_and_a_double_tap_of_confirm_delivers_without_an_error()
    {
        const int customer = 1, rider = 2;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);

            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
            var riderApp = page.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();

            var task = page.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer", new() { Timeout = 15_000 });
            await Expect(task).ToContainTextAsync("开饭大学东区 3号楼 502 · ");
            await Expect(task).ToContainTextAsync("138****0001");
            await Expect(task.Locator("[data-testid=task-shop]")).ToHaveTextAsync(NoodleShop);
            await Expect(task.Locator("[data-testid=navigate]")).ToHaveTextAsync("🧭 导航到送餐地址");

            await task.Locator("[data-testid=deliver]").ClickAsync();
            await task.Locator("[data-testid=confirm-delivered]").DblClickAsync();

            await Expect(task).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            (await app.StatusAsync(orderId, customer)).ShouldBe("Delivered");
            await page.WaitForTimeoutAsync(1_000); // the second tap's answer, were there one, arrives after the first
            await Expect(page.Locator("[data-testid=rider-error]")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=tab-done]").ClickAsync();
            var done = page.Locator("[data-testid=done-order]").First;
            await Expect(done).ToContainTextAsync("****");
            await Expect(done).Not.ToContainTextAsync("502");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task in_english_the_task_reads_as_phrases_the_header_keeps_its_name_whole_and_the_rider_can_switch_back()
    {
        const int customer = 3, rider = 3;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            // Online until a shift end, as in the report: the header's fullest row.
            var online = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new
            {
                zoneId = DeliveryKit.EastZone, latitude = DeliveryKit.EastLat, longitude = DeliveryKit.EastLon, shiftEndsAt = app.Clock.GetUtcNow().AddHours(2),
            });
            online.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, offerId) = await app.OfferedAsync(orderId, rider);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await PaymentProbe.EventuallyAsync(
                async () => (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.OK, "Ordering records the rider");

            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login?culture=en", DemoCampus.RiderPhone(rider));
            await page.GotoAsync("/rider?culture=en");
            var riderApp = page.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=shift-end]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();
            var task = page.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task.Locator("[data-testid=navigate]")).ToHaveTextAsync("🧭 Navigate to pick-up", new() { Timeout = 15_000 });

            var brandWhole = await page.Locator("[data-testid=rider-brand]").EvaluateAsync<bool>(
                @"b => {
                    if (b.scrollWidth > b.clientWidth) return false;
                    const box = b.getBoundingClientRect();
                    const name = b.querySelector('.brand-name').getBoundingClientRect();
                    const hidden = name.top >= box.bottom - 0.5;
                    const whole = name.right <= box.right + 0.5 && name.bottom <= box.bottom + 0.5;
                    return hidden || whole;
                }");
            brandWhole.ShouldBeTrue("the brand shows whole or not at all, never clipped");

            await page.Locator("[data-testid=rider-lang] a", new() { HasText = "中文" }).ClickAsync();
            // The English page is live too: wait for the Chinese one before asking whether it is.
            await Expect(page.Locator("[data-testid=rider-brand]")).ToContainTextAsync("开饭骑手", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();
            await Expect(task.Locator("[data-testid=navigate]")).ToHaveTextAsync("🧭 导航到取餐点", new() { Timeout = 15_000 });
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task the_rider_login_page_offers_both_languages()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/rider/login");
        await page.Locator("[data-testid=rider-login-lang] a", new() { HasText = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kaifan Rider");
        await page.Locator("[data-testid=rider-login-lang] a", new() { HasText = "中文" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("开饭骑手");
    }
}
