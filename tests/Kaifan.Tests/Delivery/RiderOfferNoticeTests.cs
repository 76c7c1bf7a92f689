using System.Collections.Concurrent;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.AspNetCore.SignalR.Client;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// A dispatch round's offer, and its withdrawal, reach the rider's open app over /hubs/ops as `offersChanged`, so the
/// app re-reads its offers at once instead of on its next poll; nobody else's app hears of it.
/// </summary>
public abstract class RiderOfferNoticeTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_rounds_offer_is_told_to_the_rider_offered_it_and_to_nobody_else()
    {
        const int near = 3, far = 8;
        var (nearHeard, farHeard) = (new ConcurrentQueue<DateTimeOffset>(), new ConcurrentQueue<DateTimeOffset>());
        await using var nearApp = await ListenAsync(near, nearHeard);
        await using var farApp = await ListenAsync(far, farHeard);
        try
        {
            await app.OnlineAsync(near);
            await app.OnlineAsync(far, latOffset: 0.01);
            var orderId = await app.AcceptedOrderAsync(customer: 1, ready: true);

            var (offered, _) = await app.OfferedAsync(orderId, near, far);

            offered.ShouldBe(near, "the rider beside the shop is offered it");
            await PaymentProbe.EventuallyAsync(() => Task.FromResult(!nearHeard.IsEmpty), "the offered rider's app hears its offers changed");
            await app.Zone(EastZone).RunRound();
            farHeard.ShouldBeEmpty("the other rider's offers did not change, in that round or the next");

            // Taken, so that no order of this test is left in the zone: on the test clock both tests' orders are equally
            // urgent, and the next test's rider, offered this one instead, would wait for theirs in vain.
            await app.AssignAsync(orderId, near);
        }
        finally
        {
            await app.OfflineAsync(near, far);
        }
    }

    [Fact]
    public async Task an_offer_that_ran_out_is_told_to_the_rider_who_held_it()
    {
        const int rider = 4, taker = 5;
        var heard = new ConcurrentQueue<DateTimeOffset>();
        await using var riderApp = await ListenAsync(rider, heard);
        try
        {
            await app.OnlineAsync(rider);
            var orderId = await app.AcceptedOrderAsync(customer: 2, ready: true);
            await app.OfferedAsync(orderId, rider);
            await PaymentProbe.EventuallyAsync(() => Task.FromResult(heard.Count >= 1), "the offer is told");
            var before = heard.Count;

            // The rider let the 30 s pass; the next round takes the offer back, and this rider may not have it again.
            await app.AdvanceAsync(TimeSpan.FromSeconds(31), rider);
            await app.Zone(EastZone).RunRound();

            await PaymentProbe.EventuallyAsync(() => Task.FromResult(heard.Count > before), "the withdrawal is told too");
            (await app.OfferOfAsync(rider, orderId)).ShouldBeNull("the offer the notice took away is gone when the app asks");

            // Taken by another rider, so that no order of this test is left for the next test's riders.
            await app.AssignAsync(orderId, taker);
        }
        finally
        {
            await app.OfflineAsync(rider, taker);
        }
    }

    /// <summary>The rider app's line; records when each notice came.</summary>
    private async Task<HubConnection> ListenAsync(int rider, ConcurrentQueue<DateTimeOffset> heard)
    {
        var hub = OpsHubLine.To(app.Client().BaseAddress!, TestTokens.Rider(rider));
        hub.On("offersChanged", () => heard.Enqueue(DateTimeOffset.UtcNow));
        await hub.StartAsync();
        return hub;
    }
}

public sealed class RiderOfferNoticeOnSqlite(LunchtimeSqliteApp app) : RiderOfferNoticeTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderOfferNoticeOnPostgres(LunchtimePostgresApp app) : RiderOfferNoticeTests(app), IClassFixture<LunchtimePostgresApp>;
