using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Wallet;
using Kaifan.Dispatch.Zones;
using Kaifan.Identity;
using Kaifan.Identity.SignIn;
using Kaifan.Ordering;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kaifan.Tests.Identity;

/// <summary>
/// A rider's 注销 (ADR 0026): refused, naming the reason, while work or money is still moving; otherwise their personal
/// data goes and what the books and on-time history need stays, keyed by an id that names no one any more.
/// </summary>
public abstract partial class AccountErasureTests
{
    private const int RiderInHand = 5;
    private const int RiderOnline = 6;
    private const int RiderWithdrawing = 7;
    private const int RiderOwed = 8;
    private const int RiderLeaving = 12;

    [Fact]
    public async Task a_rider_with_an_order_in_hand_is_refused_naming_tasks_and_nothing_changes()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            dispatch.Jobs.Add(new DispatchJob
            {
                OrderId = Guid.NewGuid(), ZoneId = DeliveryKit.EastZone, MerchantId = DemoCampus.MerchantId(1), ReadyEstimate = app.Clock.GetUtcNow(),
                Status = JobStatus.Assigned, Stage = JobStage.ToCustomer, RiderId = DemoCampus.RiderId(RiderInHand), AssignedAt = app.Clock.GetUtcNow(),
            });
            await dispatch.SaveChangesAsync();
        }

        await RefusedAsync(RiderInHand, "tasks", "配送中");
    }

    [Fact]
    public async Task a_rider_online_is_refused_naming_online_and_nothing_changes()
    {
        await app.OnlineAsync(RiderOnline);
        try
        {
            await RefusedAsync(RiderOnline, "online", "下线");
        }
        finally
        {
            await app.OfflineAsync(RiderOnline);
        }
    }

    [Fact]
    public async Task a_rider_whose_withdrawal_is_still_processing_is_refused_naming_withdrawals_and_nothing_changes()
    {
        await RiderDataKit.EarnAsync(app, RiderWithdrawing, 1_000, app.Clock.GetUtcNow().AddDays(-1));
        await RiderDataKit.WithdrawnAsync(app, RiderWithdrawing, 1_000, WithdrawalStatus.Pending);

        await RefusedAsync(RiderWithdrawing, "withdrawals", "处理中");
    }

    [Fact]
    public async Task a_rider_owed_a_withdrawable_or_settling_balance_is_refused_naming_balance_and_nothing_changes()
    {
        await RiderDataKit.EarnAsync(app, RiderOwed, 1_000, app.Clock.GetUtcNow().AddDays(-1));
        await RefusedAsync(RiderOwed, "balance", "余额¥10尚未提现");

        // Withdrawn in full and paid, then today's delivery: ¥6.50 that only settles tomorrow still holds the rider.
        await RiderDataKit.WithdrawnAsync(app, RiderOwed, 1_000, WithdrawalStatus.Paid);
        await RiderDataKit.EarnAsync(app, RiderOwed, 650, app.Clock.GetUtcNow());
        await RefusedAsync(RiderOwed, "balance", "¥6.5待结算");
    }

    [Fact]
    public async Task a_rider_with_nothing_moving_is_erased_the_books_keep_jobs_earnings_and_withdrawals_and_nothing_racing_it_writes_back()
    {
        var riderId = DemoCampus.RiderId(RiderLeaving);
        var (orderId, _) = await RiderDataKit.WorkedAsync(app, RiderLeaving, Hesitant);
        var token = TestTokens.Rider(RiderLeaving);
        var client = app.Client(token);
        var tokens = app.Services.GetRequiredService<ValidatedTokens>();
        (await client.GetAsync("/api/rider/profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        tokens.TryGet(token, app.Clock.GetUtcNow(), out var trusted, out var expires).ShouldBeTrue();

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Another host trusts the token for up to a minute more (ADR 0004): this host plays it by trusting it again.
        tokens.Add(token, trusted, expires, app.Clock.GetUtcNow());
        try
        {
            var gear = new { vehicleType = "ebike", batteryRangeKm = 30, capacity = 4, acceptsStairs = true };
            (await client.PutAsJsonAsync("/api/rider/profile", gear)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostAsJsonAsync("/api/rider/online", new { zoneId = DemoCampus.ZoneId(2), latitude = 31.03, longitude = 121.45 }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            tokens.Forget(riderId);
        }

        // A go-online that passed its checks just before the 注销, and a point a host took before the rider went offline.
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IRiderGrain>(riderId);
        await grain.GoOnline(DemoCampus.ZoneId(2), 31.03, 121.45, new RiderCapabilities("ebike", 20, 30, 4, true));
        (await grain.Snapshot()).Online.ShouldBeFalse("an erased rider takes no offers");
        app.Services.GetRequiredService<PositionBuffer>().Add(new RiderPosition { RiderId = riderId, Latitude = 31.03, Longitude = 121.45, At = app.Clock.GetUtcNow() });
        await app.Services.GetServices<IHostedService>().OfType<PositionFlusher>().Single().FlushAsync(default);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var user = await identity.Users.AsNoTracking().SingleAsync(u => u.Id == riderId);
            user.ErasedAt.ShouldNotBeNull();
            (user.PhoneCipher, user.NameCipher).ShouldBe(("", null));
            (await identity.Consents.Where(c => c.UserId == riderId && c.Purpose == "location").OrderByDescending(c => c.Id).FirstAsync()).Granted.ShouldBeFalse();
            (await identity.AuditLog.SingleAsync(a => a.ActorId == riderId && a.Action == "privacy.erasure")).ActorRole.ShouldBe("rider");

            var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            var profile = await dispatch.Riders.AsNoTracking().SingleAsync(r => r.RiderId == riderId);
            profile.ErasedAt.ShouldNotBeNull();
            (profile.VehicleType, profile.Capacity, profile.LastSeenAt, profile.Rating, profile.OnlineZoneId).ShouldBe(("", 0, null, null, null));
            (await dispatch.RiderPositions.CountAsync(p => p.RiderId == riderId)).ShouldBe(0);
            (await dispatch.RiderRatings.CountAsync(r => r.RiderId == riderId)).ShouldBe(0);
            var job = await dispatch.Jobs.AsNoTracking().SingleAsync(j => j.OrderId == orderId);
            (job.Status, job.RiderId, job.AssignedAt is not null).ShouldBe((JobStatus.Delivered, riderId, true), "on-time history keeps the job's times");
            (await dispatch.RiderEarnings.SingleAsync(e => e.OrderId == orderId)).TotalFen.ShouldBe(RiderDataKit.EarnedFen);
            (await dispatch.RiderWithdrawals.SingleAsync(w => w.RiderId == riderId)).AmountFen.ShouldBe(RiderDataKit.WithdrawnFen);

            var ordering = scope.ServiceProvider.GetRequiredService<OrderingDb>();
            var review = await ordering.Reviews.AsNoTracking().SingleAsync(r => r.OrderId == orderId);
            (review.RiderId, review.Delivery).ShouldBe((null, 5), "the 配送 stars stay in the shop's score but rate no rider");

            var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
            var calls = await ordering.CallBindings.AsNoTracking().Where(b => b.OrderId == orderId).ToListAsync();
            protector.Unprotect(calls.Single(b => b.CalleeParty == "rider").CalleePhoneProtected).ShouldBe("已注销");
            protector.Unprotect(calls.Single(b => b.CalleeParty == "customer").CalleePhoneProtected).ShouldBe(DemoCampus.CustomerPhone(Hesitant));
        }

        var ops = app.Client(TestTokens.Operator());
        var listed = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/riders"))!.Single(r => r!["riderId"]!.GetValue<Guid>() == riderId)!;
        listed["erasedAt"].ShouldNotBeNull();
        var account = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/users?role=rider"))!.Single(u => u!["riderId"]!.GetValue<Guid>() == riderId)!;
        (account["erasedAt"] is not null, account["maskedPhone"]!.GetValue<string>()).ShouldBe((true, ""));
        var edit = await ops.PutAsJsonAsync(
            $"/api/ops/riders/{riderId}/profile", new { homeZoneId = DemoCampus.ZoneId(2), vehicleType = "ebike", batteryRangeKm = 30, capacity = 4, acceptsStairs = true });
        await edit.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "riderId");
    }

    /// <summary>409 problem+json naming the reason, and the rider's account, profile and trail as they were.</summary>
    private async Task RefusedAsync(int rider, string reason, string detail)
    {
        var client = app.Rider(rider);
        var refused = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, reason);
        (await refused.Content.ReadFromJsonAsync<JsonNode>())!["detail"]!.GetValue<string>().ShouldContain(detail);
        (await client.GetFromJsonAsync<JsonNode>("/api/me"))!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(rider));
        await using var scope = app.Services.CreateAsyncScope();
        var profile = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Riders.AsNoTracking().SingleAsync(r => r.RiderId == DemoCampus.RiderId(rider));
        (profile.ErasedAt, profile.VehicleType).ShouldBe((null, Kaifan.Dispatch.Riders.DemoRiders.Profiles[rider - 1].Vehicle));
        (await scope.ServiceProvider.GetRequiredService<IdentityDb>().PrivacyRequests.AnyAsync(r => r.UserId == DemoCampus.RiderId(rider))).ShouldBeFalse();
    }
}
