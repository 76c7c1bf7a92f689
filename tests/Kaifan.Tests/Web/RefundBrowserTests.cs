using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Refunds;
using Microsoft.Playwright;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// 申请退款 end to end: the customer applies on the delivered order's page, the shop's board rings with the refund's own
/// sound under 退款 until 同意, the sandbox gateway returns the money and the customer's page and list say 已退款.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class RefundBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Pushed = new() { Timeout = 15_000 };

    [Fact]
    public async Task a_refund_asked_on_the_order_page_rings_the_board_until_approved_and_the_customer_sees_it_refunded()
    {
        const int customer = 4;
        var order = await app.DeliveredOrderAsync(customer);
        var orderId = IdOf(order);
        var total = order["totalFen"]!.GetValue<long>();

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        await ExpectLiveAsync(merchant, merchant.Locator("[data-testid=order-board]"));
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        await Expect(card).ToBeVisibleAsync(Pushed);
        await Expect(card.Locator("[data-testid=refund-request]")).ToHaveCountAsync(0);

        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await customerContext.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await page.Locator("[data-testid=refund-apply]").ClickAsync();
        await page.Locator("[data-testid=refund-whole]").CheckAsync();
        await page.Locator("[data-testid=refund-reason][value=spilled]").CheckAsync();
        await page.Locator("[data-testid=refund-note]").FillAsync("汤洒了");
        await page.Locator("[data-testid=refund-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=refund-state]")).ToHaveTextAsync("退款申请中");
        await Expect(page.Locator("[data-testid=refund-amount]")).ToHaveTextAsync(Yuan(total));
        await Expect(page.Locator("[data-testid=refund-auto]")).ToContainTextAsync("逾期未处理将自动同意退款");

        // The board hears it over the live line, under 退款, with the refund's sound rather than another.
        var request = merchant.Locator($"[data-column=Refund] [data-order-id='{orderId}'] [data-testid=refund-request]");
        await Expect(request).ToBeVisibleAsync(Pushed);
        await Expect(request).ToContainTextAsync("餐品洒漏");
        await Expect(request).ToContainTextAsync(Yuan(total));
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-refund-alert", "ringing");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-refund-beeps", new Regex("^[1-9]"));
        (await merchant.EvaluateAsync<string?>("() => document.body.dataset.urgeBeeps ?? null")).ShouldBeNull("the 催单 sound stays silent");

        await request.Locator("[data-testid=refund-approve]").ClickAsync();
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-refund-alert", "quiet");
        await Expect(merchant.Locator("[data-testid=refund-request]")).ToHaveCountAsync(0);

        // Money back through the sandbox's signed callback; the page is rendered per request, so look again until then.
        await Kaifan.Tests.Payments.PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(orderId, customer) == "refunded", "refunded");
        await page.GotoAsync($"/m/orders/{orderId}");
        await Expect(page.Locator("[data-testid=refund-state]")).ToHaveTextAsync($"已退款 {Yuan(total)}");
        await page.GotoAsync("/m/orders");
        await Expect(page.Locator("[data-testid=order-row]").Filter(new() { Has = page.Locator($"a[href='/m/orders/{orderId}']") })
            .Locator("[data-testid=order-row-status]")).ToHaveTextAsync("已退款");
    }

    private static string Yuan(long fen) => Kaifan.Web.Shopping.Display.Yuan(fen);
}
