using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch.Riders;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>A rider may say when their shift ends as they go online; dispatch plans no pickup after it.</summary>
public abstract class RiderShiftTests(KaifanApp app)
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

    private IRiderGrain Grain(int rider) => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IRiderGrain>(DemoCampus.RiderId(rider));
}

public sealed class RiderShiftOnSqlite(SqliteApp app) : RiderShiftTests(app), IClassFixture<SqliteApp>;

public sealed class RiderShiftOnPostgres(PostgresApp app) : RiderShiftTests(app), IClassFixture<PostgresApp>;
