using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering.Delivery;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;

namespace Kaifan.Tests.Web;

/// <summary>
/// 配送异常 end to end: the rider reports from the task card (only the kinds that fit the stage), the customer's page
/// says so in a neutral line, and the operator's answer reaches the card; the ops console's queue lists the zone's
/// exceptions live, raises one open 10 minutes, and resolves it.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class DeliveryExceptionBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Pushed = new() { Timeout = 12_000 };

    [Fact]
    public async Task the_rider_reports_a_refusal_from_the_task_card_and_the_card_shows_how_ops_resolved_it()
    {
        const int customer = 2, rider = 2;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);

            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
            await Expect(page.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-feed", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();
            var task = page.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer", new() { Timeout = 15_000 });

            // The customer watches the order page; it hears of the report without a reload.
            await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
            var customerPage = await customerContext.NewPageAsync();
            await SignInAsync(customerPage, "/m/login", DemoCampus.CustomerPhone(customer));
            await customerPage.GotoAsync($"/m/orders/{orderId}");
            await Expect(customerPage.Locator("[data-testid=order-title]")).ToHaveTextAsync("骑手已取餐·配送中");
            await Expect(customerPage.Locator("[data-testid=order-exception]")).ToHaveCountAsync(0);

            await task.Locator("[data-testid=report-exception]").ClickAsync();
            await Expect(task.Locator("[data-testid=exception-kind-pickup_failed]")).ToHaveCountAsync(0);
            await Expect(task.Locator("[data-testid=exception-kind-customer_unreachable]")).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await task.Locator("[data-testid=exception-kind-customer_refused]").CheckAsync();
            await task.Locator("[data-testid=exception-note]").FillAsync("顾客说没点过这单");
            await task.Locator("[data-testid=exception-submit]").ClickAsync();
            await Expect(task.Locator("[data-testid=exception-open]")).ToHaveTextAsync("⚠ 已上报：收货人拒收 · 等待客服处理");
            await Expect(task.Locator("[data-testid=report-exception]")).ToHaveCountAsync(0);

            var line = customerPage.Locator("[data-testid=order-exception]");
            await Expect(line).ToContainTextAsync("骑手反馈：收货人拒收，客服处理中", new() { Timeout = 10_000 });
            await Expect(line).Not.ToContainTextAsync("没点过");
            await Expect(line.Locator("[data-testid=answer-rider]")).ToHaveCountAsync(0, new() { Timeout = 1_000 });

            // The operator tells the rider to try again: the hub brings it, the card keeps the order and says so.
            var resolved = await app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/orders/{orderId}/exception/resolve", new { resolution = "redeliver" });
            resolved.StatusCode.ShouldBe(HttpStatusCode.OK);
            await Expect(page.Locator("[data-testid=rider-notice]")).ToContainTextAsync("客服已处理：请再次尝试配送", new() { Timeout = 12_000 });
            await Expect(task.Locator("[data-testid=exception-outcome]")).ToHaveTextAsync("客服已处理：请再次尝试配送");
            await Expect(task.Locator("[data-testid=deliver]")).ToBeVisibleAsync();
            await Expect(line).ToHaveCountAsync(0, new() { Timeout = 10_000 });

            // At the door nobody answers: the customer's page asks them to, and 我在，马上到 reaches the rider at once.
            await task.Locator("[data-testid=arrive-customer]").ClickAsync();
            await Expect(task).ToHaveAttributeAsync("data-stage", "atCustomer");
            await page.Locator("[data-testid=dismiss-notice]").ClickAsync();
            await task.Locator("[data-testid=report-exception]").ClickAsync();
            await task.Locator("[data-testid=exception-kind-customer_unreachable]").CheckAsync();
            await task.Locator("[data-testid=exception-submit]").ClickAsync();
            await Expect(task.Locator("[data-testid=exception-open]")).ToHaveTextAsync("⚠ 已上报：无法联系收货人 · 等待客服处理");
            await Expect(customerPage.Locator("[data-testid=rider-waiting]")).ToHaveTextAsync("骑手正在等您，请尽快回应", new() { Timeout = 10_000 });
            await customerPage.Locator("[data-testid=answer-rider]").ClickAsync();
            await Expect(customerPage.Locator("[data-testid=rider-told]")).ToHaveTextAsync("已通知骑手您马上到");
            await Expect(page.Locator("[data-testid=rider-notice]")).ToContainTextAsync("顾客回应：我在，马上到", new() { Timeout = 12_000 });
            await Expect(task.Locator("[data-testid=exception-outcome]")).ToHaveTextAsync("顾客回应：我在，马上到");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task the_ops_queue_shows_the_zones_exceptions_live_raises_an_overdue_one_and_cancels_it_with_a_refund()
    {
        const int customer = 3, rider = 3;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        var number = (await app.CustomerViewAsync(orderId, customer))["number"]!.GetValue<string>();
        try
        {
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);

            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-hub", "connected", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=ops-zone]").SelectOptionAsync(DeliveryKit.EastZone.ToString());
            // The board may have opened on the other zone: the push below comes only once the hub watches this one.
            await Expect(page.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-watching", DeliveryKit.EastZone.ToString());
            var queue = page.Locator("[data-testid=ops-exceptions]");
            await Expect(queue.Locator("h2")).ToContainTextAsync("配送异常");
            var row = queue.Locator($"[data-testid=exception-row][data-order-id='{orderId}']");
            await Expect(row).ToHaveCountAsync(0);

            (await app.StepAsync(rider, orderId, "exceptions", new { kind = "road_blocked", note = "桥被封了" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Expect(row).ToBeVisibleAsync(Pushed);
            await Expect(row.Locator("[data-testid=exception-kind]")).ToHaveTextAsync("天气/道路原因无法送达");
            await Expect(row).ToContainTextAsync($"#{number[^4..]}");
            await Expect(row.Locator("[data-testid=exception-note-cell]")).ToHaveTextAsync("“桥被封了”");
            await Expect(row).ToHaveAttributeAsync("data-overdue", "false");
            await Expect(row.Locator("[data-testid=resolve-delivered]")).ToBeVisibleAsync();

            // Ten minutes on the durable reminder fires: the queue hears it and raises the row.
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new DeliveryExceptionReminder(orderId, 1));
            await Expect(row).ToHaveAttributeAsync("data-overdue", "true", new() { Timeout = 12_000 });
            await Expect(row.Locator("[data-testid=exception-overdue]")).ToHaveTextAsync("超时未处理");
            await Expect(row).ToContainTextAsync("已等待10分钟");

            await row.Locator("[data-testid=resolve-cancel]").ClickAsync();
            await row.Locator("[data-testid=resolve-cancel-confirm]").ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
            await Expect(queue.Locator("[data-testid=exception-message]")).ToHaveTextAsync($"#{number[^4..]} 已处理：取消并退款");
            var order = await app.CustomerViewAsync(orderId, customer);
            (order["status"]!.GetValue<string>(), order["cancelledBy"]!.GetValue<string>(), order["refundDue"]!.GetValue<bool>()).ShouldBe(("Cancelled", "Operator", true));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
