using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// An order the customer sent to a locker at checkout: the rider's task names the locker instead of the dorm, and 送达
/// opens on 放入外卖柜 with that locker filled in and fixed, so the rider cannot leave it at the door or in another locker.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderLockerBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_rider_sees_the_orders_locker_and_delivers_into_it_from_the_preselected_sheet()
    {
        const int customer = 4, rider = 7;
        var orderId = await app.ReadyLockerOrderAsync(customer);
        try
        {
            await app.AssignAsync(orderId, rider);
            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            var dorm = (await JsonOf(await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")))["address"]!["detail"]!.GetValue<string>();

            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
            var riderApp = page.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await page.Locator("[data-testid=tab-tasks]").ClickAsync();

            var task = page.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer", new() { Timeout = 15_000 });
            await Expect(task.Locator("[data-testid=locker-dropoff]")).ToHaveTextAsync($"送至智能柜 · {DeliveryKit.CanteenLockerName}");
            await Expect(task).Not.ToContainTextAsync(dorm);

            await task.Locator("[data-testid=deliver]").ClickAsync();
            await Expect(task.Locator("[data-testid=confirm-deliver]")).ToBeVisibleAsync();
            await Expect(task.Locator("[data-testid=method-locker]")).ToBeCheckedAsync();
            await Expect(task.Locator("[data-testid=method-door]")).ToBeDisabledAsync();
            var locker = task.Locator("[data-testid=locker]");
            await Expect(locker).ToHaveValueAsync(DeliveryKit.CanteenLockerName);
            await Expect(locker).Not.ToBeEditableAsync();
            await task.Locator("[data-testid=confirm-delivered]").ClickAsync();

            await Expect(task).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=rider-error]")).ToHaveCountAsync(0);
            var mine = await app.CustomerViewAsync(orderId, customer);
            mine["status"]!.GetValue<string>().ShouldBe("Delivered");
            mine["deliveryMethod"]!.GetValue<string>().ShouldBe("locker");
            mine["locker"]!.GetValue<string>().ShouldBe(DeliveryKit.CanteenLockerName);
            mine["pickupCode"]!.GetValue<string>().ShouldMatch("^[0-9]{6}$");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }
}
