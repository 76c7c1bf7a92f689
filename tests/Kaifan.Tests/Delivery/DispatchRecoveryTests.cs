using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts.Events;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Zones;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>
/// Dispatch lets go of cancelled orders, adopts pickups that overtook a reassign, and riders stay online across a grain (or host) restart. No Ordering path
/// cancels an order after the merchant accepted it, so the cancellation is published on the bus the way Ordering would.
/// </summary>
public abstract class DispatchRecoveryTests(LunchtimeApp app)
{
    /// <summary>
    /// The tests move the host's clock in jumps. On that clock Orleans timed out every call in flight at a jump and ran its
    /// own loops on the test's thread, while a call whose answer was lost waited for the clock instead of 30 seconds.
    /// </summary>
    [Fact]
    public void orleans_keeps_its_machinery_on_the_wall_clock_and_gives_grains_the_hosts_clock()
    {
        // Every area Orleans names, so one added by an Orleans upgrade is not left on the host's clock unnoticed.
        var areas = typeof(TimeProviderNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        areas.ShouldContain(TimeProviderNames.Messaging);
        foreach (var machinery in areas.Where(a => a != TimeProviderNames.Grains))
        {
            app.Services.GetRequiredKeyedService<TimeProvider>(machinery).ShouldBeSameAs(TimeProvider.System, machinery);
        }

        app.Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains).ShouldBeSameAs(app.Clock);
    }

    [Fact]
    public async Task a_cancelled_pending_order_is_never_offered()
    {
        var orderId = await app.AcceptedOrderAsync(customer: 3);
        await PaymentProbe.EventuallyAsync(async () => await JobStatusAsync(orderId) == JobStatus.Pending, "the zone holds the order");

        await CancelAsync(orderId);
        await PaymentProbe.EventuallyAsync(async () => await JobStatusAsync(orderId) == JobStatus.Cancelled, "dispatch marks the job cancelled");
        try
        {
            await app.OnlineAsync(3);
            for (var round = 0; round < 3; round++)
            {
                await app.Zone(EastZone).RunRound();
                (await app.OfferOfAsync(3, orderId)).ShouldBeNull();
            }
        }
        finally
        {
            await app.OfflineAsync(3);
        }
    }

    [Fact]
    public async Task the_open_offer_of_a_cancelled_order_disappears_and_cannot_be_accepted()
    {
        var orderId = await app.AcceptedOrderAsync(customer: 4);
        try
        {
            await app.OnlineAsync(5);
            var (_, offerId) = await app.OfferedAsync(orderId, 5);

            await CancelAsync(orderId);
            await CancelAsync(orderId);
            await PaymentProbe.EventuallyAsync(async () => await app.OfferOfAsync(5, orderId) is null, "the offer is withdrawn");
            (await app.Rider(5).PostAsync($"/api/rider/offers/{offerId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            await app.Zone(EastZone).RunRound();
            (await app.OfferOfAsync(5, orderId)).ShouldBeNull();
            // The handler frees the order in the zone first and records the job after (ZoneRelease), so the row may trail.
            await PaymentProbe.EventuallyAsync(async () => await JobStatusAsync(orderId) == JobStatus.Cancelled, "the job is recorded as cancelled");
        }
        finally
        {
            await app.OfflineAsync(5);
        }
    }

    [Fact]
    public async Task a_rider_online_before_a_restart_is_online_again_where_they_last_were()
    {
        const int rider = 2;
        try
        {
            await app.OnlineAsync(rider);
            (await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat + 0.004, longitude = EastLon + 0.001 }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await PaymentProbe.EventuallyAsync(
                async () => (await StatusAsync(rider))["latitude"]?.GetValue<double>() is { } latitude && Math.Abs(latitude - (EastLat + 0.004)) < 1e-9,
                "the grain has the ping");

            // Every idle activation goes, as in a restart: the rider's grain comes back from dispatch_riders.
            await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
                    var row = await db.Riders.AsNoTracking().SingleAsync(r => r.RiderId == Kaifan.BuildingBlocks.DemoCampus.RiderId(rider));
                    return row.OnlineZoneId == EastZone && Math.Abs(row.LastLatitude - (EastLat + 0.004)) < 1e-9;
                },
                "the sleeping grain stored where the rider was");

            var status = await StatusAsync(rider);
            status["online"]!.GetValue<bool>().ShouldBeTrue();
            status["zoneId"]!.GetValue<Guid>().ShouldBe(EastZone);
            status["latitude"]!.GetValue<double>().ShouldBe(EastLat + 0.004, 1e-9);
            status["longitude"]!.GetValue<double>().ShouldBe(EastLon + 0.001, 1e-9);
            await PaymentProbe.EventuallyAsync(async () => (await app.Zone(EastZone).Board()).OnlineRiders >= 1, "the zone counts the rider again");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_who_went_offline_stays_offline_after_a_restart()
    {
        const int rider = 8;
        await app.OnlineAsync(rider);
        await app.OfflineAsync(rider);

        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        (await StatusAsync(rider))["online"]!.GetValue<bool>().ShouldBeFalse();
        (await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat, longitude = EastLon }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_pickup_that_lands_after_a_reassign_gave_the_order_back_goes_to_the_rider_holding_the_food()
    {
        var orderId = await app.AcceptedOrderAsync(customer: 5);
        await PaymentProbe.EventuallyAsync(async () => await JobStatusAsync(orderId) == JobStatus.Pending, "the zone holds the order");
        var holder = Kaifan.BuildingBlocks.DemoCampus.RiderId(7);

        await PublishAsync(new OrderPickedUp(orderId, holder, app.Clock.GetUtcNow()));
        await PublishAsync(new OrderPickedUp(orderId, holder, app.Clock.GetUtcNow()));
        await PaymentProbe.EventuallyAsync(async () => await JobStatusAsync(orderId) == JobStatus.Assigned, "the job goes to the rider holding the food");
        try
        {
            await app.OnlineAsync(6);
            for (var round = 0; round < 3; round++)
            {
                await app.Zone(EastZone).RunRound();
                (await app.OfferOfAsync(6, orderId)).ShouldBeNull();
            }

            await using var scope = app.Services.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().SingleAsync(j => j.OrderId == orderId);
            (job.RiderId, job.Stage).ShouldBe((holder, JobStage.ToCustomer));
        }
        finally
        {
            await app.OfflineAsync(6);
        }
    }

    private async Task<JsonNode> StatusAsync(int rider) =>
        (await app.Rider(rider).GetFromJsonAsync<JsonNode>("/api/rider/status"))!;

    private Task CancelAsync(Guid orderId) =>
        PublishAsync(new OrderCancelled(orderId, Kaifan.BuildingBlocks.DemoCampus.MerchantId(1), "测试取消", RefundDue: false, app.Clock.GetUtcNow()));

    private async Task PublishAsync(object message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(message);
    }

    private async Task<JobStatus?> JobStatusAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        return await db.Jobs.AsNoTracking().Where(j => j.OrderId == orderId).Select(j => (JobStatus?)j.Status).SingleOrDefaultAsync();
    }
}

public sealed class DispatchRecoveryOnSqlite(LunchtimeSqliteApp app) : DispatchRecoveryTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class DispatchRecoveryOnPostgres(LunchtimePostgresApp app) : DispatchRecoveryTests(app), IClassFixture<LunchtimePostgresApp>;
