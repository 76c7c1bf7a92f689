using System.Net;
using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// 催单 end to end: the order page says when 催单 opens (the 预计送达 promised), the button appears once the order is
/// late, a tap confirms and says when the next is possible; the shop's board rings with the urge's own sound, title
/// count and notification until 知道了; once the rider carries the food, the rider's task card says 顾客催单 instead.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class UrgeBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly TimeSpan Late = TimeSpan.FromMinutes(31);
    private static readonly LocatorAssertionsToBeVisibleOptions Pushed = new() { Timeout = 12_000 };

    [Fact]
    public async Task a_late_order_is_urged_on_its_page_and_the_board_rings_with_the_urge_sound_until_got_it()
    {
        const int customer = 2;
        var orderId = await app.AcceptedOrderAsync(customer);
        var number = (await app.CustomerViewAsync(orderId, customer))["number"]!.GetValue<string>();
        var promised = await app.DeliveryPromisedAtAsync(orderId, customer);

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
        await merchantContext.AddInitScriptAsync("""
            window.__notes = [];
            window.Notification = class { constructor(title, options) { window.__notes.push(title + '|' + options.body); } close() {} };
            window.Notification.permission = 'granted';
            window.Notification.requestPermission = () => Promise.resolve('granted');
            """);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        await ExpectLiveAsync(merchant, merchant.Locator("[data-testid=order-board]"));
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(card.Locator("[data-testid=urge]")).ToHaveCountAsync(0);
        await Expect(merchant.Locator("[data-testid=alert]")).ToHaveAttributeAsync("data-ringing", "false");

        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await customerContext.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("商家已接单");
        await Expect(page.Locator("[data-testid=urge]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=urge-opens]")).ToHaveTextAsync($"{InShanghai(promised):HH:mm}前未送达可催单");

        // At the promised time the order is late: the page's live poll notices and shows 催单 without a reload.
        app.Clock.Advance(promised - app.Clock.GetUtcNow());
        await Expect(page.Locator("[data-testid=urge]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.Locator("[data-testid=urge]").ClickAsync();
        await Expect(page.Locator("[data-testid=urge-done]")).ToHaveTextAsync("已提醒商家尽快出餐");
        var again = InShanghai(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        await Expect(page.Locator("[data-testid=urge-wait]")).ToHaveTextAsync($"催单 · {again:HH:mm}后可再催");
        await Expect(page.Locator("[data-testid=urge-wait]")).ToBeDisabledAsync();

        // The shop hears it over the live line, with the urge's sound rather than the new-order one.
        var urge = card.Locator("[data-testid=urge]");
        await Expect(urge).ToBeVisibleAsync(Pushed);
        await Expect(urge).ToContainTextAsync("催单 ×1");
        await Expect(urge).ToHaveAttributeAsync("data-ringing", "true");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-urge-alert", "ringing");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "ringing");
        await Expect(merchant).ToHaveTitleAsync(new Regex(@"^\(1\) "));
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-urge-beeps", new Regex("^[1-9]"));
        (await merchant.EvaluateAsync<string?>("() => document.body.dataset.beeps ?? null")).ShouldBeNull("the new-order sound stays silent");
        (await merchant.EvaluateAsync<string[]>("() => window.__notes")).ShouldBe([$"顾客催单 · #{number[^4..]}|顾客在催了，请尽快出餐"]);

        await urge.Locator("[data-testid=urge-ack]").ClickAsync();
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-urge-alert", "quiet");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "quiet");
        await Expect(merchant).ToHaveTitleAsync(new Regex(@"^[^(]"));
        await Expect(urge).ToHaveAttributeAsync("data-ringing", "false");
        await Expect(urge).ToContainTextAsync("催单 ×1");
        await Expect(urge.Locator("[data-testid=urge-ack]")).ToHaveCountAsync(0);
    }

    private static DateTimeOffset InShanghai(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public async Task once_picked_up_the_riders_task_card_shows_the_customers_urge()
    {
        const int customer = 3, rider = 7;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);

            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
            var riderApp = page.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-feed", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();
            var task = page.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer", new() { Timeout = 15_000 });
            await Expect(task.Locator("[data-testid=urged]")).ToHaveCountAsync(0);

            app.Clock.Advance(Late);
            (await app.Client(TestTokens.Customer(customer)).PostAsync($"/api/orders/{orderId}/urge", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Expect(task.Locator("[data-testid=urged]")).ToHaveTextAsync("⏰ 顾客催单 · 请尽快送达", new() { Timeout = 12_000 });
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
