using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Delivery;

/// <summary>The operator's riders table and the rider app's own status: online state, zone, position and load.</summary>
public abstract class OpsRidersTests(LunchtimeApp app)
{
    [Fact]
    public async Task the_operator_sees_a_rider_online_with_position_and_load_and_no_one_else_may_look()
    {
        const int rider = 4;
        try
        {
            await app.OnlineAsync(rider, latOffset: 0.001);
            var response = await app.Client(TestTokens.Operator()).GetAsync("/api/ops/riders");
            response.More().ShouldBeFalse();
            var rows = (await JsonOf(response)).AsArray();
            var row = rows.Single(r => r!["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(rider))!;
            row["online"]!.GetValue<bool>().ShouldBeTrue();
            row["zoneId"]!.GetValue<Guid>().ShouldBe(EastZone);
            row["latitude"]!.GetValue<double>().ShouldBe(EastLat + 0.001, 1e-9);
            row["load"]!.GetValue<int>().ShouldBe(0);
            rows.Count.ShouldBeGreaterThan(1);
            rows.ShouldAllBe(r => r!["phone"] == null);
            var first = await app.Client(TestTokens.Operator()).GetAsync("/api/ops/riders?limit=1");
            first.More().ShouldBeTrue();
            (await JsonOf(first)).AsArray().ShouldHaveSingleItem()!["riderId"]!.GetValue<Guid>().ShouldBe(rows[0]!["riderId"]!.GetValue<Guid>());

            var status = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/status"));
            status["online"]!.GetValue<bool>().ShouldBeTrue();
            status["zoneId"]!.GetValue<Guid>().ShouldBe(EastZone);

            (await app.Rider(rider).GetAsync("/api/ops/riders")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await app.Client().GetAsync("/api/ops/riders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        var after = await JsonOf(await app.Rider(rider).GetAsync("/api/rider/status"));
        after["online"]!.GetValue<bool>().ShouldBeFalse();
        var offline = (await JsonOf(await app.Client(TestTokens.Operator()).GetAsync("/api/ops/riders"))).AsArray()
            .Single(r => r!["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(rider))!;
        offline["online"]!.GetValue<bool>().ShouldBeFalse();
        offline["latitude"].ShouldBeNull();
    }

    [Fact]
    public async Task a_rider_without_a_position_for_five_minutes_is_shown_silent_until_the_next_one()
    {
        const int rider = 5;
        try
        {
            await app.OnlineAsync(rider);
            (await RowAsync(rider))["silent"]!.GetValue<bool>().ShouldBeFalse();

            app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
            (await RowAsync(rider))["silent"]!.GetValue<bool>().ShouldBeTrue("dispatch offers this rider nothing now");

            await app.AdvanceAsync(TimeSpan.Zero, rider);
            (await RowAsync(rider))["silent"]!.GetValue<bool>().ShouldBeFalse();
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_standing_still_with_food_on_board_is_shown_stalled_since_they_stopped_until_they_move()
    {
        const int rider = 3;
        try
        {
            var orderId = await app.AcceptedOrderAsync(customer: 2, ready: true);
            var stoppedAt = app.Clock.GetUtcNow();
            await app.AssignAsync(orderId, rider);
            await app.PickUpAsync(rider, orderId);
            await app.StandStillAsync(TimeSpan.FromMinutes(8), rider);
            (await RowAsync(rider))["stalled"]!.GetValue<bool>().ShouldBeFalse("eight minutes is not yet more than eight");

            await app.AdvanceAsync(TimeSpan.FromSeconds(1), rider);
            var stalled = await RowAsync(rider);
            stalled["stalled"]!.GetValue<bool>().ShouldBeTrue("dispatch offers this rider nothing now");
            stalled["silent"]!.GetValue<bool>().ShouldBeFalse();
            stalled["stillSince"]!.GetValue<DateTimeOffset>().ShouldBe(stoppedAt);

            await app.MoveAsync(rider, EastLat - 0.001, EastLon);
            var moving = await RowAsync(rider);
            moving["stalled"]!.GetValue<bool>().ShouldBeFalse();
            moving["stillSince"].ShouldBeNull();
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task the_board_reads_a_riders_shift_end_and_how_many_orders_they_delivered_today()
    {
        const int customer = 1, rider = 6;
        try
        {
            var deliveredBefore = (await RowAsync(rider))["deliveredToday"]!.GetValue<int>();
            var orderId = await app.AcceptedOrderAsync(customer, ready: true);
            await app.AssignAsync(orderId, rider);
            (await RowAsync(rider))["deliveredToday"]!.GetValue<int>().ShouldBe(deliveredBefore, "carried is not delivered");
            await app.PickUpAsync(rider, orderId);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            // The earnings ledger and the rider's load hear of the delivery separately.
            await PaymentProbe.EventuallyAsync(
                async () => await RowAsync(rider) is var row && row["deliveredToday"]!.GetValue<int>() == deliveredBefore + 1 && row["load"]!.GetValue<int>() == 0,
                "dispatch counts the delivery and frees the rider");

            var shiftEnd = app.Clock.GetUtcNow().AddHours(3);
            var online = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = shiftEnd });
            online.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await RowAsync(rider))["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(shiftEnd);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        var offline = await RowAsync(rider);
        offline["shiftEndsAt"].ShouldBeNull();
        offline["deliveredToday"]!.GetValue<int>().ShouldBeGreaterThan(0, "what was delivered today stays counted after going offline");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RowAsync(int rider) =>
        (await JsonOf(await app.Client(TestTokens.Operator()).GetAsync("/api/ops/riders"))).AsArray()
            .Single(r => r!["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(rider))!;
}

public sealed class OpsRidersOnSqlite(LunchtimeSqliteApp app) : OpsRidersTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OpsRidersOnPostgres(LunchtimePostgresApp app) : OpsRidersTests(app), IClassFixture<LunchtimePostgresApp>;
