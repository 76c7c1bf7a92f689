using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Web;

/// <summary>
/// The customer's order page while the food travels: the ETA with its basis from the start, and after pickup the rider
/// on the zone map, moving with the rider's pings, all without a reload. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class OrderTrackingBrowserTests : BrowserTests
{
    private readonly LunchtimeApp app;

    protected OrderTrackingBrowserTests(LunchtimeApp app)
        : base(app) => this.app = app;

    [Fact]
    public async Task the_order_page_shows_the_eta_and_after_pickup_the_rider_moving_on_the_map_without_a_reload()
    {
        const int customerNo = 5, riderNo = 3;
        var orderId = await app.AcceptedOrderAsync(customerNo, ready: true);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customerNo));
        await page.GotoAsync($"/m/orders/{orderId}");
        await page.EvaluateAsync("() => window.__stayed = true");

        var eta = page.Locator("[data-testid=eta]");
        await Expect(eta).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(eta).ToContainTextAsync("送达");
        await Expect(page.Locator("[data-testid=eta-basis]")).ToContainTextAsync("按商家位置估算");
        await Expect(page.Locator("[data-testid=map-merchant]")).ToBeVisibleAsync();
        var marker = page.Locator("[data-testid=rider-marker]");
        await Expect(marker).ToHaveAttributeAsync("display", "none");

        try
        {
            await app.AssignAsync(orderId, riderNo);
            (await app.StepAsync(riderNo, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Expect(marker).ToHaveAttributeAsync("display", "none", new() { Timeout = 5_000 });
            (await app.StepAsync(riderNo, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);

            await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("骑手已取餐·配送中", new() { Timeout = 15_000 });
            await Expect(marker).ToHaveAttributeAsync("display", "inline", new() { Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=eta-basis]")).ToContainTextAsync("按骑手实时位置", new() { Timeout = 15_000 });
            await Task.Delay(2_500); // a poll has run: the marker stands where the rider went online
            var before = await marker.GetAttributeAsync("transform");

            app.Clock.Advance(TimeSpan.FromSeconds(10));
            var ping = await app.Rider(riderNo).PostAsJsonAsync("/api/rider/location", new { latitude = DeliveryKit.EastLat + 0.0021, longitude = DeliveryKit.EastLon + 0.0003 });
            ping.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await PaymentProbe.EventuallyAsync(async () => await marker.GetAttributeAsync("transform") != before, "the rider marker moves with the ping");
            var (x, y) = Parse(await marker.GetAttributeAsync("transform"));
            var (x0, y0) = Parse(before);
            y.ShouldBeLessThan(y0, "the rider rode north, up the map");
            x.ShouldBeGreaterThanOrEqualTo(x0);

            (await page.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the order page updated without a reload");
            if (app.Provider == Provider.Sqlite)
            {
                await Browser.ScreenshotAsync(page, "h5-order-tracking", marker);
            }
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    private static (double X, double Y) Parse(string? transform)
    {
        var parts = transform!.Replace("translate(", "").TrimEnd(')').Split(' ');
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(BrowserCollections.CustomerApp)]
public sealed class OrderTrackingBrowserOnSqlite(LunchtimeSqliteApp app) : OrderTrackingBrowserTests(app), IClassFixture<LunchtimeSqliteApp>;

[Collection(BrowserCollections.CustomerApp)]
public sealed class OrderTrackingBrowserOnPostgres(LunchtimePostgresApp app) : OrderTrackingBrowserTests(app), IClassFixture<LunchtimePostgresApp>;
