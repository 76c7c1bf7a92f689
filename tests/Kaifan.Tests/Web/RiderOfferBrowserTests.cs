using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// A dispatch round's offer shows on the rider's open app, and goes when it runs out, over the app's live line: on this
/// host the app polls only every 10 minutes while the line is up, so a poll cannot be what shows it.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderOfferBrowserTests(SlowRiderPollApp app) : BrowserTests(app), IClassFixture<SlowRiderPollApp>
{
    [Fact]
    public async Task a_rounds_offer_shows_on_the_open_app_at_once_and_goes_once_it_ran_out()
    {
        const int customer = 3, rider = 3, taker = 4;
        try
        {
            await app.OnlineAsync(rider);
            await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
            var page = await context.NewPageAsync();
            await SignInAsync(page, "/rider/login", DemoCampus.RiderPhone(rider));
            var riderApp = page.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(riderApp).ToHaveAttributeAsync("data-feed", "true", new() { Timeout = 15_000 });

            var orderId = await app.AcceptedOrderAsync(customer, ready: true);
            var offer = page.Locator($"[data-testid=offer]:has([data-order-id='{orderId}'])");
            await app.OfferedAsync(orderId, rider);
            await Expect(offer).ToBeVisibleAsync();

            // Left to run out: the next round takes the offer back.
            await app.AdvanceAsync(TimeSpan.FromSeconds(31), rider);
            await app.Zone(DeliveryKit.EastZone).RunRound();
            await Expect(offer).ToHaveCountAsync(0);

            // Taken by another rider, so that no order of this test is left for the zone to offer.
            await app.AssignAsync(orderId, taker);
        }
        finally
        {
            await app.OfflineAsync(rider, taker);
        }
    }
}
