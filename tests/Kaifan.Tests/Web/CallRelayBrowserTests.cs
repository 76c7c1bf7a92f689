using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 号码保护 on the customer's order page (联系骑手 shows a relay number to dial, which reaches the rider) and on the rider's
/// task card (联系顾客 reaches the customer) and the shop's board card (联系骑手).
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class CallRelayBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_customer_and_the_rider_each_get_a_relay_number_that_reaches_the_other()
    {
        const int customer = 2, rider = 2;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
            await page.GotoAsync($"/m/orders/{orderId}");
            await Expect(page.Locator("[data-testid=call-merchant]")).ToHaveTextAsync("📞 联系商家");
            await Expect(page.Locator("[data-testid=call-rider]")).ToHaveCountAsync(0);

            await app.AssignAsync(orderId, rider);
            await page.GotoAsync($"/m/orders/{orderId}");
            await page.Locator("[data-testid=call-rider]").ClickAsync();

            var dial = page.Locator("[data-testid=call-dial]");
            await Expect(dial).ToContainTextAsync("170 0000 1234 转 ");
            await Expect(page.Locator("[data-testid=call-relay]")).ToContainTextAsync("拨打隐私号联系骑手");
            var href = (await dial.GetAttributeAsync("href"))!;
            href.ShouldStartWith("tel:17000001234,");
            var reached = await app.Client().GetFromJsonAsync<JsonObject>($"/sandbox/calls/17000001234/{href[^4..]}");
            reached!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(rider));

            // At the door the rider taps 联系顾客 on the task card and dials the customer the same way.
            await using var riderContext = await Browser.PhoneAsync(Chromium, BaseAddress);
            var riderPage = await riderContext.NewPageAsync();
            await SignInAsync(riderPage, "/rider/login", DemoCampus.RiderPhone(rider));
            await Expect(riderPage.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-feed", "true", new() { Timeout = 15_000 });
            await riderPage.Locator("[data-testid=tab-tasks]").ClickAsync();
            var task = riderPage.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await task.Locator("[data-testid=call-customer]").ClickAsync();
            var riderDial = task.Locator("[data-testid=call-dial]");
            await Expect(riderDial).ToContainTextAsync("联系顾客：170 0000 1234 转 ");
            var toCustomer = (await riderDial.GetAttributeAsync("href"))!;
            (await app.Client().GetFromJsonAsync<JsonObject>($"/sandbox/calls/17000001234/{toCustomer[^4..]}"))!["phone"]!.GetValue<string>()
                .ShouldBe(DemoCampus.CustomerPhone(customer));

            // The shop's board card offers 联系顾客 and, with a rider on the order, 联系骑手.
            await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
            var merchantPage = await merchantContext.NewPageAsync();
            await SignInAsync(merchantPage, "/merchant/login", DemoCampus.MerchantPhone(1));
            await ExpectLiveAsync(merchantPage, merchantPage.Locator("[data-testid=order-board]"));
            var card = merchantPage.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
            await card.Locator("[data-testid=call-rider]").ClickAsync();
            await Expect(card.Locator("[data-testid=call-dial]")).ToContainTextAsync("联系骑手：170 0000 1234 转 ");
            await Expect(card.Locator("[data-testid=call-customer]")).ToBeVisibleAsync();
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
