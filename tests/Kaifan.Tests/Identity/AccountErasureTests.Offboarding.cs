using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Zones;
using Kaifan.Identity;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>
/// 离职: the station offboards a merchant's staff member or a rider (ADR 0026). Their access ends and their personal data
/// goes as with 注销, refused for the same reasons; a shop keeps its last staff account; customers erase themselves.
/// </summary>
public abstract partial class AccountErasureTests
{
    private const int ShopWithTwo = 4;
    private const int ShopRaced = 5;
    private const int RiderBusyLeaving = 9;
    private const int RiderOffboarded = 10;

    [Fact]
    public async Task an_offboarded_merchant_staff_member_loses_access_and_phone_and_the_shop_keeps_its_last_account()
    {
        var ops = app.Client(TestTokens.Operator());
        var (leaverId, leaver) = await OnboardedStaffAsync(ops, "13322220001", ShopWithTwo);
        (await leaver.GetAsync("/api/merchant/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var offboarded = await ops.PostAsJsonAsync($"/api/ops/staff/{leaverId}/offboard", new { reason = "个人原因离职" });

        offboarded.StatusCode.ShouldBe(HttpStatusCode.NoContent, await offboarded.Content.ReadAsStringAsync());
        (await leaver.GetAsync("/api/merchant/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var account = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/users?role=merchant"))!.Single(u => u!["userId"]!.GetValue<Guid>() == leaverId)!;
        (account["erasedAt"] is not null, account["offboarded"]!.GetValue<bool>(), account["maskedPhone"]!.GetValue<string>(), account["maskedName"])
            .ShouldBe((true, true, "", null));
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{leaverId}/offboard", new { reason = "再办一次" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "userId");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IdentityDb>().PrivacyRequests.SingleAsync(r => r.UserId == leaverId)).Kind.ShouldBe("offboarding");
        }

        // As after 注销, the phone is free: signing in with it makes a new customer, never the shop's staff again.
        var comeback = await SignedInAsync("13322220001");
        (comeback["role"]!.GetValue<string>(), comeback["userId"]!.GetValue<Guid>() == leaverId).ShouldBe(("customer", false));

        var audit = (await ops.GetFromJsonAsync<JsonNode>("/api/ops/audit?action=staff.offboarded"))!["entries"]!.AsArray()
            .Single(e => e!["subjectId"]!.GetValue<string>() == leaverId.ToString() && e["outcome"]!.GetValue<int>() == 204)!;
        (audit["actorRole"]!.GetValue<string>(), audit["subjectType"]!.GetValue<string>(), audit["detail"]!.GetValue<string>())
            .ShouldBe(("operator", "staff", "reason=个人原因离职"));

        // The shop's seeded manager is now its only staff account: refused, naming merchant, and still signed in.
        var lastOne = DemoCampus.MerchantStaffId(ShopWithTwo);
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{lastOne}/offboard", new { reason = "离职" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "merchant");
        (await app.Client(TestTokens.MerchantStaff(ShopWithTwo)).GetAsync("/api/merchant/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_two_staff_of_a_shop_offboarded_at_once_leave_one_of_them()
    {
        var ops = app.Client(TestTokens.Operator());
        var (newcomerId, _) = await OnboardedStaffAsync(ops, "13322220002", ShopRaced);

        var answers = await Task.WhenAll(new[] { newcomerId, DemoCampus.MerchantStaffId(ShopRaced) }.Select(id =>
            app.Client(TestTokens.Operator()).PostAsJsonAsync($"/api/ops/staff/{id}/offboard", new { reason = "离职" })));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.Conflict]);
        await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "merchant");
        var staff = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/users?role=merchant"))!
            .Where(u => u!["merchantId"]?.GetValue<Guid>() == DemoCampus.MerchantId(ShopRaced)).ToList();
        staff.Count(u => u!["erasedAt"] is null).ShouldBe(1);
    }

    [Fact]
    public async Task an_offboarded_rider_is_signed_out_at_once_and_the_ops_lists_say_so()
    {
        var riderId = DemoCampus.RiderId(RiderOffboarded);
        var rider = app.Rider(RiderOffboarded);
        (await rider.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ops = app.Client(TestTokens.Operator());

        (await ops.PostAsJsonAsync($"/api/ops/staff/{riderId}/offboard", new { reason = "合同到期" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await rider.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ops.GetFromJsonAsync<JsonArray>("/api/ops/riders"))!.Single(r => r!["riderId"]!.GetValue<Guid>() == riderId)!["erasedAt"].ShouldNotBeNull();
        var account = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/users?role=rider"))!.Single(u => u!["userId"]!.GetValue<Guid>() == riderId)!;
        (account["offboarded"]!.GetValue<bool>(), account["maskedPhone"]!.GetValue<string>()).ShouldBe((true, ""));
    }

    [Fact]
    public async Task offboarding_refuses_a_rider_with_an_order_in_hand_customers_operators_strangers_and_bad_input()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            dispatch.Jobs.Add(new DispatchJob
            {
                OrderId = Guid.NewGuid(), ZoneId = DemoCampus.ZoneId(2), MerchantId = DemoCampus.MerchantId(6), ReadyEstimate = app.Clock.GetUtcNow(),
                Status = JobStatus.Assigned, Stage = JobStage.ToCustomer, RiderId = DemoCampus.RiderId(RiderBusyLeaving), AssignedAt = app.Clock.GetUtcNow(),
            });
            await dispatch.SaveChangesAsync();
        }

        var ops = app.Client(TestTokens.Operator());
        var busy = await ops.PostAsJsonAsync($"/api/ops/staff/{DemoCampus.RiderId(RiderBusyLeaving)}/offboard", new { reason = "离职" });
        (await busy.Content.ReadFromJsonAsync<JsonNode>())!["detail"]!.GetValue<string>().ShouldContain("配送中");
        await busy.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "tasks");
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{DemoCampus.CustomerId(4)}/offboard", new { reason = "离职" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "userId");
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{DemoCampus.OperatorId}/offboard", new { reason = "离职" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "userId");
        (await ops.PostAsJsonAsync($"/api/ops/staff/{Guid.NewGuid()}/offboard", new { reason = "离职" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var staff = DemoCampus.MerchantStaffId(1);
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{staff}/offboard", new { reason = " " })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{staff}/offboard", new { reason = new string('走', 101) })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await (await ops.PostAsJsonAsync($"/api/ops/staff/{staff}/offboard", new { reason = "交接给13800000009" })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        (await app.Client(TestTokens.MerchantStaff(2)).PostAsJsonAsync($"/api/ops/staff/{staff}/offboard", new { reason = "离职" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.Rider(RiderBusyLeaving)).PostAsJsonAsync($"/api/ops/staff/{staff}/offboard", new { reason = "离职" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.Rider(RiderBusyLeaving).GetFromJsonAsync<JsonNode>("/api/me"))!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(RiderBusyLeaving));
        (await app.Client(TestTokens.Customer(4)).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client(TestTokens.MerchantStaff(1)).GetFromJsonAsync<JsonNode>("/api/me"))!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.MerchantPhone(1));
    }

    private async Task<(Guid UserId, HttpClient Client)> OnboardedStaffAsync(HttpClient ops, string phone, int merchant)
    {
        var onboarded = await ops.PostAsJsonAsync("/api/ops/staff", new { phone, name = "新店员", role = "merchant", merchantId = DemoCampus.MerchantId(merchant) });
        onboarded.StatusCode.ShouldBe(HttpStatusCode.Created, await onboarded.Content.ReadAsStringAsync());
        var signedIn = await SignedInAsync(phone);
        return (signedIn["userId"]!.GetValue<Guid>(), app.Client(signedIn["token"]!.GetValue<string>()));
    }

    private async Task<JsonNode> SignedInAsync(string phone)
    {
        var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        return (await signIn.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
