using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>Where the rider app says the rider is: only a position typed in whole, and only from the app still open.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderPositionBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task an_emptied_latitude_is_refused_and_the_rider_stays_offline()
    {
        const int riderNo = 5;
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        try
        {
            await OpenOfflineAsync(page, riderNo);
            await page.Locator("[data-testid=go-online]").ClickAsync();
            await page.Locator("[data-testid=manual-lat]").FillAsync("");
            await page.Locator("[data-testid=manual-online]").ClickAsync();

            await Expect(page.Locator("[data-testid=rider-error]")).ToHaveTextAsync("请填写纬度");
            await Expect(page.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-online", "false");
            (await app.Services.GetRequiredService<IRiderLocations>().GetAsync(DemoCampus.RiderId(riderNo), default)).ShouldBeNull();
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    [Fact]
    public async Task after_the_first_app_dies_only_the_second_reports_where_the_rider_is()
    {
        const int riderNo = 6;
        const double oldLatitude = 31.0250, newLatitude = 31.0290;
        try
        {
            await using var first = await Browser.PhoneAsync(Chromium, BaseAddress);
            var old = await first.NewPageAsync();
            await OpenOfflineAsync(old, riderNo);
            await GoOnlineAtAsync(old, oldLatitude);

            // The phone's browser is killed: no unload, no goodbye to the server, only the connection dropping. Blazor
            // keeps that circuit for minutes in case the tab comes back.
            var crashed = new TaskCompletionSource();
            old.Crash += (_, _) => crashed.TrySetResult();
            var cdp = await first.NewCDPSessionAsync(old);
            _ = cdp.SendAsync("Page.crash").ContinueWith(t => t.Exception, TaskScheduler.Default);
            await crashed.Task.WaitAsync(TimeSpan.FromSeconds(10));

            await using var second = await Browser.PhoneAsync(Chromium, BaseAddress);
            var live = await second.NewPageAsync();
            await SignInAsync(live, "/rider/login", DemoCampus.RiderPhone(riderNo));
            var riderApp = live.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await live.Locator("[data-testid=go-offline]").ClickAsync();
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "false");
            await GoOnlineAtAsync(live, newLatitude);

            // Two of the old app's 5-second pings, had it kept pinging: at least one whole period even when a tick of its
            // timer runs late, and the old position would then stand until the live app's next ping, seconds later.
            var locations = app.Services.GetRequiredService<IRiderLocations>();
            var until = DateTime.UtcNow.AddSeconds(11);
            while (DateTime.UtcNow < until)
            {
                var where = await locations.GetAsync(DemoCampus.RiderId(riderNo), default);
                where.ShouldNotBeNull();
                where.Position.Latitude.ShouldBe(newLatitude, 1e-6, "the dead app's circuit reported its old position");
                await Task.Delay(250);
            }
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    private async Task OpenOfflineAsync(IPage page, int riderNo)
    {
        await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(riderNo));
        var riderApp = page.Locator("[data-testid=rider-app]");
        await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(riderApp).ToHaveAttributeAsync("data-online", "false");
    }

    /// <summary>The test browser grants no geolocation, so 上线 asks for the position by hand.</summary>
    private static async Task GoOnlineAtAsync(IPage page, double latitude)
    {
        await page.Locator("[data-testid=go-online]").ClickAsync();
        await page.Locator("[data-testid=manual-lat]").FillAsync(latitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=manual-lon]").FillAsync(DeliveryKit.EastLon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=manual-online]").ClickAsync();
        await Expect(page.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
    }
}
