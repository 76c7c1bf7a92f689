using System.Net;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// A rider who keeps reporting but stands still with food on board (滞留) is offered nothing new until they move; one
/// waiting at the customer's door (or where they said they reached the customer) is not stalled, nor one who just
/// picked up food they waited for.
/// </summary>
public abstract class StalledRiderTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_rider_standing_still_for_eight_minutes_with_food_on_board_gets_no_offer_until_they_move()
    {
        // Both take stairs, so either can serve any demo address; the other rider is a long way off, so only the
        // stalled rule keeps the next order from the stuck one, who stands between the shop and the dorms.
        const int stuck = 3, other = 4;
        try
        {
            var carried = await app.AcceptedOrderAsync(customer: 1, ready: true);
            await app.AssignAsync(carried, stuck);
            await app.PickUpAsync(stuck, carried);
            await app.OnlineAsync(other, latOffset: 0.02);
            await app.StandStillAsync(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), stuck, other);

            var next = await app.AcceptedOrderAsync(customer: 2);
            var (to, otherOffer) = await app.OfferedAsync(next, stuck, other);
            to.ShouldBe(other);
            (await app.OffersAsync(stuck)).ShouldBeEmpty();

            // About 110 m on: moving again, still far from the dorm the food is for.
            await app.MoveAsync(stuck, EastLat - 0.001, EastLon);
            var third = await app.AcceptedOrderAsync(customer: 3);
            var (_, stuckOffer) = await app.OfferedAsync(third, stuck);

            // Taken, so that no order of this test is left waiting for the riders of the next.
            (await app.Rider(other).PostAsync($"/api/rider/offers/{otherOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.Rider(stuck).PostAsync($"/api/rider/offers/{stuckOffer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(stuck, other);
        }
    }

    [Fact]
    public async Task a_rider_waiting_eight_minutes_at_the_customers_door_is_not_stalled()
    {
        const int customer = 5, rider = 5;
        try
        {
            var carried = await app.AcceptedOrderAsync(customer, ready: true);
            await app.AssignAsync(carried, rider);
            await app.PickUpAsync(rider, carried);

            // 20 m or so from the dorm's pin: at the door, where the customer is on their way down.
            var (lat, lon) = DormOf(customer);
            await app.MoveAsync(rider, lat + 0.0002, lon);
            await app.StandStillAsync(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), rider);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 1));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_waiting_at_a_campus_gate_after_saying_they_arrived_is_not_stalled()
    {
        const int customer = 4, rider = 1;
        try
        {
            var carried = await app.AcceptedOrderAsync(customer, ready: true);
            await app.AssignAsync(carried, rider);
            await app.PickUpAsync(rider, carried);

            // The gate students come down to, some 300 m from the dorm's pin: 已到达 tapped there.
            var (lat, lon) = DormOf(customer);
            await app.MoveAsync(rider, lat + 0.0027, lon);
            (await app.StepAsync(rider, carried, "arrive-customer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.StandStillAsync(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), rider);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 1));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_waiting_at_the_gate_for_the_second_of_two_customers_is_not_stalled_after_the_first_hand_over()
    {
        // Dorms 1 and 2 are some 70 m apart; both customers come down to the gate about 300 m away.
        const int rider = 7;
        try
        {
            await app.OnlineAsync(rider);
            var first = await app.AcceptedOrderAsync(customer: 1, ready: true);
            var second = await app.AcceptedOrderAsync(customer: 2, ready: true);
            await TakeAsync(rider, first, second);
            await app.PickUpAsync(rider, first);
            await app.PickUpAsync(rider, second);
            var (lat, lon) = DormOf(1);
            await app.MoveAsync(rider, lat + 0.0027, lon);
            foreach (var order in new[] { first, second })
            {
                (await app.StepAsync(rider, order, "arrive-customer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (await app.StepAsync(rider, first, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.StandStillAsync(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), rider);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 3));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_tap_on_arrived_far_from_the_customers_pin_does_not_keep_a_standing_rider_from_being_stalled()
    {
        // About 900 m from the dorm: no gate of it. Neither rider needs stairs, nor do these customers' dorms.
        const int stuck = 6, other = 2;
        try
        {
            var carried = await app.AcceptedOrderAsync(customer: 5, ready: true);
            await app.AssignAsync(carried, stuck);
            await app.PickUpAsync(stuck, carried);
            var (lat, lon) = DormOf(5);
            await app.MoveAsync(stuck, lat + 0.008, lon);
            (await app.StepAsync(stuck, carried, "arrive-customer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.OnlineAsync(other, latOffset: 0.02);
            await app.StandStillAsync(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), stuck, other);

            var next = await app.AcceptedOrderAsync(customer: 3);
            var (to, offer) = await app.OfferedAsync(next, stuck, other);
            to.ShouldBe(other);
            (await app.Rider(other).PostAsync($"/api/rider/offers/{offer}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(stuck, other);
        }
    }

    [Fact]
    public async Task a_rider_who_waited_ten_minutes_for_the_food_is_not_stalled_the_moment_they_pick_it_up()
    {
        // The wait was for the kitchen, with empty hands; the pickup starts the stillness clock again, so the rider is
        // offered the next order at once rather than after moving 50 m.
        const int rider = 8;
        try
        {
            var carried = await app.AcceptedOrderAsync(customer: 4);
            await app.AssignAsync(carried, rider);
            await app.StandStillAsync(TimeSpan.FromMinutes(10), rider);
            (await app.Staff().PostAsync($"/api/merchant/orders/{carried}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.PickUpAsync(rider, carried);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 1));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_waiting_at_the_shop_for_the_rest_of_their_orders_with_one_on_board_is_not_stalled()
    {
        // Two orders of the noodle shop are the rider's; the first is picked up, the second's food is still coming.
        const int rider = 5;
        var (shopLat, shopLon) = (31.0262, 121.4431);
        try
        {
            await app.OnlineAsync(rider);
            await app.MoveAsync(rider, shopLat, shopLon);
            var first = await app.AcceptedOrderAsync(customer: 2, ready: true);
            var second = await app.AcceptedOrderAsync(customer: 3);
            await TakeAsync(rider, first, second);
            await app.PickUpAsync(rider, first);
            await app.StandStillAsync(TimeSpan.FromMinutes(9), rider);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 4, ready: true));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_who_waited_at_the_first_door_of_two_is_not_stalled_the_moment_they_hand_that_order_over()
    {
        // Dorms 1 and 5 are some 270 m apart: at the first door the second is no stop nearby, so only the hand-over's
        // fresh start keeps the rider from being 滞留 after the nine minutes they waited there.
        const int rider = 4;
        try
        {
            await app.OnlineAsync(rider);
            var first = await app.AcceptedOrderAsync(customer: 1, ready: true);
            var second = await app.AcceptedOrderAsync(customer: 5, ready: true);
            await TakeAsync(rider, first, second);
            await app.PickUpAsync(rider, first);
            await app.PickUpAsync(rider, second);
            var (lat, lon) = DormOf(1);
            await app.MoveAsync(rider, lat + 0.0002, lon);
            await app.StandStillAsync(TimeSpan.FromMinutes(9), rider);
            (await app.StepAsync(rider, first, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            await TakeAsync(rider, await app.AcceptedOrderAsync(customer: 2, ready: true));
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    /// <summary>
    /// The rider is offered the orders (together or one by one), so is not stalled; accepts; and Ordering records them
    /// as its rider.
    /// </summary>
    private async Task TakeAsync(int rider, params Guid[] orders)
    {
        foreach (var order in orders)
        {
            if ((await app.TaskIdsAsync(rider)).Contains(order))
            {
                continue;
            }

            var (_, offerId) = await app.OfferedAsync(order, rider);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        foreach (var order in orders)
        {
            await PaymentProbe.EventuallyAsync(
                async () => (await app.Rider(rider).GetAsync($"/api/rider/orders/{order}")).StatusCode == HttpStatusCode.OK,
                "Ordering records the rider");
        }
    }
}

public sealed class StalledRiderOnSqlite(QuickPingSqliteApp app) : StalledRiderTests(app), IClassFixture<QuickPingSqliteApp>;

public sealed class StalledRiderOnPostgres(QuickPingPostgresApp app) : StalledRiderTests(app), IClassFixture<QuickPingPostgresApp>;
