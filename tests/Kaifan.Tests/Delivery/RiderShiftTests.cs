using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// A rider may say when their shift ends as they go online; dispatch plans no pickup after it, also after a restart.
/// At lunchtime, so that the noodle shop takes the order that a passed shift end must not be offered.
/// </summary>
public abstract class RiderShiftTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_shift_that_has_already_ended_is_a_problem_naming_the_field_and_the_rider_stays_offline()
    {
        var response = await app.Rider(11).PostAsJsonAsync("/api/rider/online", new
        {
            zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = app.Clock.GetUtcNow().AddMinutes(-1),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain("shiftEndsAt");
        (await Grain(11).Snapshot()).Online.ShouldBeFalse();
    }

    [Fact]
    public async Task the_shift_end_given_when_going_online_is_what_dispatch_sees_and_going_offline_forgets_it()
    {
        var end = app.Clock.GetUtcNow().AddHours(2);
        var response = await app.Rider(12).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = end });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        try
        {
            (await Grain(12).Snapshot()).ShiftEndsAt.ShouldBe(end);
        }
        finally
        {
            await app.OfflineAsync(12);
        }

        (await Grain(12).Snapshot()).ShiftEndsAt.ShouldBeNull();
    }

    [Fact]
    public async Task the_rider_status_carries_the_shift_end_given_when_going_online_so_the_app_shows_it_after_a_reload()
    {
        var end = app.Clock.GetUtcNow().AddHours(3);
        var response = await app.Rider(10).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = end });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        try
        {
            var status = (await app.Rider(10).GetFromJsonAsync<JsonNode>("/api/rider/status"))!;
            status["online"]!.GetValue<bool>().ShouldBeTrue();
            status["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(end);
        }
        finally
        {
            await app.OfflineAsync(10);
        }

        (await app.Rider(10).GetFromJsonAsync<JsonNode>("/api/rider/status"))!["shiftEndsAt"].ShouldBeNull();
    }

    [Fact]
    public async Task the_shift_end_survives_a_restart_so_the_status_still_carries_it_and_dispatch_still_sees_it()
    {
        const int rider = 7;
        var end = app.Clock.GetUtcNow().AddHours(2);
        var response = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = end });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        try
        {
            (await StoredShiftEndAsync(rider)).ShouldBe(end);
            await RestartGrainsAsync();

            var status = (await app.Rider(rider).GetFromJsonAsync<JsonNode>("/api/rider/status"))!;
            status["online"]!.GetValue<bool>().ShouldBeTrue();
            status["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(end);
            (await Grain(rider).Snapshot()).ShiftEndsAt.ShouldBe(end, "the zone plans with the grain's snapshot");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        (await StoredShiftEndAsync(rider)).ShouldBeNull("going offline forgets the shift end, stored too");
    }

    [Fact]
    public async Task a_shift_end_sent_in_shanghai_time_is_kept_as_the_same_instant()
    {
        const int rider = 9;
        var end = app.Clock.GetUtcNow().AddHours(2).ToOffset(TimeSpan.FromHours(8));
        var response = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = end });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        try
        {
            (await StoredShiftEndAsync(rider)).ShouldBe(end);
            (await app.Rider(rider).GetFromJsonAsync<JsonNode>("/api/rider/status"))!["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(end);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private async Task<DateTimeOffset?> StoredShiftEndAsync(int rider)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        return await db.Riders.AsNoTracking().Where(r => r.RiderId == DemoCampus.RiderId(rider)).Select(r => r.ShiftEndsAt).SingleAsync();
    }

    [Fact]
    public async Task a_shift_end_that_passed_during_a_restart_keeps_the_rider_online_but_offered_nothing_new()
    {
        const int rider = 8;
        var end = app.Clock.GetUtcNow().AddMinutes(20);
        var response = await app.Rider(rider).PostAsJsonAsync("/api/rider/online", new { zoneId = EastZone, latitude = EastLat, longitude = EastLon, shiftEndsAt = end });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        try
        {
            await RestartGrainsAsync();
            // The app keeps reporting, so only the shift end can hold the rider back.
            await app.AdvanceAsync(TimeSpan.FromMinutes(21), rider);

            var status = (await app.Rider(rider).GetFromJsonAsync<JsonNode>("/api/rider/status"))!;
            status["online"]!.GetValue<bool>().ShouldBeTrue("as without a restart: the rider goes offline themselves");
            status["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(end);

            var orderId = await app.AcceptedOrderAsync(customer: 1, ready: true);
            await PaymentProbe.EventuallyAsync(
                async () => (await app.Zone(EastZone).Board()).Pending >= 1, "the zone holds the order");
            for (var round = 0; round < 3; round++)
            {
                await app.Zone(EastZone).RunRound();
                (await app.OfferOfAsync(rider, orderId)).ShouldBeNull("no pickup after the shift end");
            }

            // The same rider without a shift end is offered it: only the shift end held it back. Taken, so nothing is left pending.
            await app.OnlineAsync(rider);
            var (_, offerId) = await app.OfferedAsync(orderId, rider);
            (await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    /// <summary>Every idle activation goes, as in a restart: a rider's grain comes back from dispatch_riders.</summary>
    private Task RestartGrainsAsync() =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private IRiderGrain Grain(int rider) => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IRiderGrain>(DemoCampus.RiderId(rider));
}

public sealed class RiderShiftOnSqlite(LunchtimeSqliteApp app) : RiderShiftTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderShiftOnPostgres(LunchtimePostgresApp app) : RiderShiftTests(app), IClassFixture<LunchtimePostgresApp>;
