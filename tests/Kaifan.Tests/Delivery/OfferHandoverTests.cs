using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Delivery;

/// <summary>An offer a rider declines or lets run out goes to the next nearest rider, never back to the one who had it.</summary>
public abstract class OfferHandoverTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_declined_offer_goes_to_another_rider_and_never_back()
    {
        int[] riders = [3, 4, 5];
        var orderId = await app.AcceptedOrderAsync(customer: 1);
        try
        {
            await OnlineInLineAsync(riders);
            var (first, offerId) = await app.OfferedAsync(orderId, riders);
            (await app.Rider(first).PostAsync($"/api/rider/offers/{offerId}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.Rider(first).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            var (second, _) = await app.OfferedAsync(orderId, riders);
            second.ShouldNotBe(first);
            await app.Zone(DeliveryKit.EastZone).RunRound();
            (await app.OfferOfAsync(first, orderId)).ShouldBeNull();
        }
        finally
        {
            await app.OfflineAsync(riders);
        }
    }

    [Fact]
    public async Task an_offer_left_for_thirty_seconds_expires_and_goes_to_another_rider()
    {
        int[] riders = [1, 5, 8];
        var orderId = await app.AcceptedOrderAsync(customer: 2);
        try
        {
            await OnlineInLineAsync(riders);
            var (first, offerId) = await app.OfferedAsync(orderId, riders);
            app.Clock.Advance(TimeSpan.FromSeconds(29));
            (await app.OfferOfAsync(first, orderId)).ShouldNotBeNull();

            app.Clock.Advance(TimeSpan.FromSeconds(2));
            (await app.OfferOfAsync(first, orderId)).ShouldBeNull();
            (await app.Rider(first).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.NotFound);

            var (second, secondOffer) = await app.OfferedAsync(orderId, riders);
            second.ShouldNotBe(first);
            (await app.Rider(second).PostAsync($"/api/rider/offers/{secondOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(riders);
        }
    }

    [Fact]
    public async Task a_rider_whose_phone_has_been_silent_for_five_minutes_gets_no_offer_until_it_reports_again()
    {
        // Both take stairs, so either can serve any demo address.
        const int silent = 3, reporting = 4;
        try
        {
            await app.OnlineAsync(silent);
            app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
            await app.OnlineAsync(reporting, latOffset: 0.01);

            var first = await app.AcceptedOrderAsync(customer: 3);
            var (to, firstOffer) = await app.OfferedAsync(first, silent, reporting);
            to.ShouldBe(reporting);
            (await app.OffersAsync(silent)).ShouldBeEmpty();

            var ping = await app.Rider(silent).PostAsJsonAsync("/api/rider/location", new { latitude = DeliveryKit.EastLat, longitude = DeliveryKit.EastLon });
            ping.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            var second = await app.AcceptedOrderAsync(customer: 4);
            var (_, secondOffer) = await app.OfferedAsync(second, silent);

            // Taken, so that no order of this test is left waiting for the riders of the next.
            (await app.Rider(reporting).PostAsync($"/api/rider/offers/{firstOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.Rider(silent).PostAsync($"/api/rider/offers/{secondOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(silent, reporting);
        }
    }

    /// <summary>Riders at growing distances from the shop, so the first offer is predictable yet the test does not rely on it.</summary>
    private async Task OnlineInLineAsync(int[] riders)
    {
        for (var i = 0; i < riders.Length; i++)
        {
            await app.OnlineAsync(riders[i], latOffset: 0.002 * i);
        }
    }
}

public sealed class OfferHandoverOnSqlite(LunchtimeSqliteApp app) : OfferHandoverTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OfferHandoverOnPostgres(LunchtimePostgresApp app) : OfferHandoverTests(app), IClassFixture<LunchtimePostgresApp>;
