using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>号码保护 on the customer's order page: 联系骑手 shows a relay number to dial, which reaches the rider.</summary>
[Collection("browser")]
public sealed class CallRelayBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_customer_taps_call_rider_and_gets_a_relay_number_that_reaches_the_rider()
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
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
