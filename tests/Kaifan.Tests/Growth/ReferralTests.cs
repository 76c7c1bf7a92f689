using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts.Queries;
using Kaifan.Growth;
using Kaifan.Growth.Referrals;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Growth.ReferralKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 邀请有礼: a new customer accepts a friend's code and gets a 新人红包 at once; the friend gets a red packet when that
/// first order is delivered, once, up to the cap; the inviter never sees who their friends are.
/// </summary>
public abstract partial class ReferralTests(KaifanApp app)
{
    [Fact]
    public async Task a_new_friend_gets_the_welcome_coupon_at_once_and_the_inviter_a_red_packet_once_the_first_order_is_delivered()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var (friendId, friend) = app.NewCustomer();
        var mine = await MyReferralsAsync(inviter);
        var code = mine["code"]!.GetValue<string>();
        code.Length.ShouldBe(6);
        code.ShouldAllBe(c => InviteCodes.Alphabet.Contains(c));
        mine["sharePath"]!.GetValue<string>().ShouldBe($"/m/invite/{code}");
        mine["rewardCap"]!.GetValue<int>().ShouldBe(20);
        (await CodeOfAsync(inviter)).ShouldBe(code, "the code is made once and kept");

        var offer = await friend.GetFromJsonAsync<JsonNode>($"/api/growth/referrals/invitations/{code.ToLowerInvariant()}");
        offer!["amountFen"]!.GetValue<long>().ShouldBe(500);
        offer["own"]!.GetValue<bool>().ShouldBeFalse();

        var accepted = await AcceptAsync(friend, " " + code.ToLowerInvariant() + " ");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var welcomeId = (await Ordering.OrderingKit.JsonOf(accepted))["couponId"]!.GetValue<Guid>();
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(friendId)).Any(c => c.Id == welcomeId), "the 新人红包 reaches the friend's wallet");
        var welcome = (await app.CouponsOfAsync(friendId)).Single();
        (welcome.AmountFen, welcome.MinSpendFen).ShouldBe((500L, 0L));
        welcome.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().AddDays(7), TimeSpan.FromSeconds(1));

        var friends = (await MyReferralsAsync(inviter))["friends"]!.AsArray();
        var shown = friends.ShouldHaveSingleItem()!;
        shown["label"]!.GetValue<string>().ShouldBe("好友 1");
        shown["status"]!.GetValue<string>().ShouldBe("pending");
        shown.AsObject().Select(p => p.Key).ShouldBe(["number", "label", "joinedAt", "status", "rewarded"], ignoreOrder: true);
        shown.ToJsonString().ShouldNotContain(friendId.ToString());

        var first = await app.PaidOrderAsync(friend);
        await app.PublishAsync(await app.DeliveredAsync(first));
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the inviter's red packet is issued");
        var reward = (await app.CouponsOfAsync(inviterId)).Single();
        (reward.AmountFen, reward.MinSpendFen, reward.Reason).ShouldBe((800L, 2000L, InviteeFirstOrderHandler.InviterReason));
        reward.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().AddDays(14), TimeSpan.FromSeconds(1));

        // A redelivery of the first order and a second order delivered reward nothing more.
        var second = await app.PaidOrderAsync(friend);
        await app.PublishAsync(await app.DeliveredAsync(second));
        await app.PublishAsync(new Kaifan.Contracts.Events.OrderDelivered(first, Guid.NewGuid(), "door", null, app.Clock.GetUtcNow()));
        await Task.Delay(1000);
        (await app.CouponsOfAsync(inviterId)).Count.ShouldBe(1);
        var after = await MyReferralsAsync(inviter);
        after["friends"]![0]!["status"]!.GetValue<string>().ShouldBe("ordered");
        after["friends"]![0]!["rewarded"]!.GetValue<bool>().ShouldBeTrue();
        after["rewardedFriends"]!.GetValue<int>().ShouldBe(1);
        after["rewardsFen"]!.GetValue<long>().ShouldBe(800);
    }

    [Fact]
    public async Task an_unknown_code_one_own_code_a_second_invitation_and_a_customer_who_has_ordered_are_refused_naming_the_code()
    {
        var (_, inviter) = app.NewCustomer();
        var (_, other) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var otherCode = await CodeOfAsync(other);

        // 0, O, 1 and I are never in a code.
        await (await AcceptAsync(inviter, "0O1I00")).ShouldBeRefusedAsync(HttpStatusCode.NotFound, "code");
        await (await AcceptAsync(inviter, code)).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "code");
        (await AcceptAsync(inviter, "")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (friendId, friend) = app.NewCustomer();
        (await AcceptAsync(friend, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await AcceptAsync(friend, otherCode)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "code");
        await (await AcceptAsync(friend, code)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "code");

        var (regularId, regular) = app.NewCustomer();
        await app.PaidOrderAsync(regular);
        await (await AcceptAsync(regular, code)).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "code");

        (await MyReferralsAsync(inviter))["friends"]!.AsArray().Count.ShouldBe(1);
        (await MyReferralsAsync(other))["friends"]!.AsArray().ShouldBeEmpty();
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(friendId)).Count == 1, "the one acceptance's coupon is issued");
        await Task.Delay(500);
        (await app.CouponsOfAsync(friendId)).Count.ShouldBe(1);
        (await app.CouponsOfAsync(regularId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_friend_accepting_several_codes_at_once_is_bound_exactly_once()
    {
        var inviters = Enumerable.Range(0, 3).Select(_ => app.NewCustomer()).ToList();
        var codes = new List<string>();
        foreach (var (_, client) in inviters)
        {
            codes.Add(await CodeOfAsync(client));
        }

        var (friendId, friend) = app.NewCustomer();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AcceptAsync(friend, codes[i % codes.Count])));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        var bound = 0;
        foreach (var (_, client) in inviters)
        {
            bound += (await MyReferralsAsync(client))["friends"]!.AsArray().Count;
        }

        bound.ShouldBe(1);
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(friendId)).Count == 1, "the 新人红包 is issued");
        await Task.Delay(500);
        (await app.CouponsOfAsync(friendId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task friends_cannot_invite_each_other_not_even_both_at_the_same_moment()
    {
        var (_, first) = app.NewCustomer();
        var (_, second) = app.NewCustomer();
        (await AcceptAsync(second, await CodeOfAsync(first))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await AcceptAsync(first, await CodeOfAsync(second))).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "code");
        (await MyReferralsAsync(second))["friends"]!.AsArray().ShouldBeEmpty();

        for (var round = 0; round < 5; round++)
        {
            var (oneId, one) = app.NewCustomer();
            var (otherId, other) = app.NewCustomer();
            var (oneCode, otherCode) = (await CodeOfAsync(one), await CodeOfAsync(other));
            var answers = await Task.WhenAll(AcceptAsync(one, otherCode), AcceptAsync(other, oneCode));

            answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1, $"round {round}");
            answers.Single(a => a.StatusCode != HttpStatusCode.Created).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
            var friends = (await MyReferralsAsync(one))["friends"]!.AsArray().Count + (await MyReferralsAsync(other))["friends"]!.AsArray().Count;
            friends.ShouldBe(1, $"round {round}");
            await app.EventuallyAsync(async () => (await app.CouponsOfAsync(oneId)).Count + (await app.CouponsOfAsync(otherId)).Count == 1, "one 新人红包");
        }
    }

    [Fact]
    public async Task the_first_order_delivered_several_times_at_once_rewards_the_inviter_once()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var (_, friend) = app.NewCustomer();
        (await AcceptAsync(friend, await CodeOfAsync(inviter))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var delivered = await app.DeliveredAsync(await app.PaidOrderAsync(friend));

        // Handler calls side by side, each in its own scope as the bus runs them, and the bus's own copies besides.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => HandleAsync(delivered)).Append(app.PublishAsync(delivered)).Append(app.PublishAsync(delivered)));

        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the red packet is issued");
        await Task.Delay(1000);
        (await app.CouponsOfAsync(inviterId)).Count.ShouldBe(1);
        (await RewardedCountAsync(inviterId)).ShouldBe(1);
        (await MyReferralsAsync(inviter))["rewardsFen"]!.GetValue<long>().ShouldBe(800);
    }

    [Fact]
    public async Task friends_first_orders_arriving_together_never_reward_past_the_cap_and_the_friend_past_it_still_counts()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var friends = Enumerable.Range(0, 3).Select(_ => app.NewCustomer()).ToList();
        var deliveries = new List<Kaifan.Contracts.Events.OrderDelivered>();
        foreach (var (_, friend) in friends)
        {
            (await AcceptAsync(friend, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
            deliveries.Add(await app.DeliveredAsync(await app.PaidOrderAsync(friend)));
        }

        // The inviter has been rewarded for all but one of the cap's friends already.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GrowthDb>().InviteCodes.Where(c => c.CustomerId == inviterId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Rewarded, 19));
        }

        await Task.WhenAll(deliveries.Select(HandleAsync));

        (await RewardedCountAsync(inviterId)).ShouldBe(20);
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the one reward under the cap is issued");
        await Task.Delay(500);
        (await app.CouponsOfAsync(inviterId)).Count.ShouldBe(1);
        var mine = await MyReferralsAsync(inviter);
        mine["friends"]!.AsArray().ShouldAllBe(f => f!["status"]!.GetValue<string>() == "ordered");
        mine["friends"]!.AsArray().Count(f => f!["rewarded"]!.GetValue<bool>()).ShouldBe(1);
        mine["rewardsFen"]!.GetValue<long>().ShouldBe(800);
    }

    [Fact]
    public async Task the_operator_sees_acceptances_first_orders_and_rewards_with_inviters_masked()
    {
        var ops = app.Client(TestTokens.Operator());
        (await app.NewCustomer().Client.GetAsync("/api/ops/growth/referrals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var before = (await ops.GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;

        var (inviterId, inviter) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var (_, ordered) = app.NewCustomer();
        (await AcceptAsync(ordered, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AcceptAsync(app.NewCustomer().Client, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AcceptAsync(app.NewCustomer().Client, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await HandleAsync(await app.DeliveredAsync(await app.PaidOrderAsync(ordered)));

        var after = (await ops.GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;
        (after["accepted"]!.GetValue<int>() - before["accepted"]!.GetValue<int>()).ShouldBe(3);
        (after["firstOrders"]!.GetValue<int>() - before["firstOrders"]!.GetValue<int>()).ShouldBe(1);
        (after["rewardsFen"]!.GetValue<long>() - before["rewardsFen"]!.GetValue<long>()).ShouldBe(800);
        (after["welcomeCouponsFen"]!.GetValue<long>() - before["welcomeCouponsFen"]!.GetValue<long>()).ShouldBe(1500);
        (after["voided"]!.GetValue<int>() - before["voided"]!.GetValue<int>()).ShouldBe(0);
        after["conversion"]!.GetValue<double>().ShouldBe(
            after["firstOrders"]!.GetValue<double>() / (after["accepted"]!.GetValue<int>() - after["voided"]!.GetValue<int>()), 0.0001);
        var top = after["topInviters"]!.AsArray().Single(t => t!["inviter"]!.GetValue<string>() == ReferralSummary.Mask(inviterId))!;
        (top["accepted"]!.GetValue<int>(), top["firstOrders"]!.GetValue<int>(), top["rewardsFen"]!.GetValue<long>()).ShouldBe((3, 1, 800L));
        after.ToJsonString().ShouldNotContain(inviterId.ToString());
    }

    [Fact]
    public async Task export_holds_both_sides_and_erasure_unlinks_the_person_but_keeps_what_was_granted()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var (friendId, friend) = app.NewCustomer();
        (await AcceptAsync(friend, code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await HandleAsync(await app.DeliveredAsync(await app.PaidOrderAsync(friend)));

        var inviterExport = (await ExportAsync(inviterId))!;
        inviterExport["inviteCode"]!.GetValue<string>().ShouldBe(code);
        inviterExport["friendsInvited"]!.AsArray().ShouldHaveSingleItem()!["rewardFen"]!.GetValue<long>().ShouldBe(800);
        var friendExport = (await ExportAsync(friendId))!;
        friendExport["welcomeCouponFen"]!.GetValue<long>().ShouldBe(500);
        friendExport.ToJsonString().ShouldNotContain(inviterId.ToString());

        var opsBefore = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;
        await EraseAsync(friendId);
        (await ExportAsync(friendId)).ShouldBeNull();
        var mine = await MyReferralsAsync(inviter);
        mine["friends"]!.AsArray().ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("ordered");
        mine["rewardsFen"]!.GetValue<long>().ShouldBe(800);

        await EraseAsync(inviterId);
        (await ExportAsync(inviterId)).ShouldBeNull();
        await (await AcceptAsync(app.NewCustomer().Client, code)).ShouldBeRefusedAsync(HttpStatusCode.NotFound, "code");
        var opsAfter = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;
        opsAfter["rewardsFen"]!.GetValue<long>().ShouldBe(opsBefore["rewardsFen"]!.GetValue<long>());
        opsAfter["accepted"]!.GetValue<int>().ShouldBe(opsBefore["accepted"]!.GetValue<int>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        (await db.Referrals.AnyAsync(r => r.InviterId == inviterId || r.InviteeId == friendId || r.InviteeId == inviterId)).ShouldBeFalse();
    }

    private async Task HandleAsync(Kaifan.Contracts.Events.OrderDelivered delivered)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await InviteeFirstOrderHandler.Handle(
            delivered, services.GetRequiredService<GrowthDb>(), services.GetRequiredService<ICustomerOrderHistory>(),
            services.GetRequiredService<ReferralSettings>(), services.GetRequiredService<IMessageBus>(), app.Clock, CancellationToken.None);
    }

    private async Task<int> RewardedCountAsync(Guid inviterId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrowthDb>().InviteCodes.Where(c => c.CustomerId == inviterId).Select(c => c.Rewarded).SingleAsync();
    }

    private async Task<JsonNode?> ExportAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "referrals");
        var section = await export.ExportAsync(userId, CancellationToken.None);
        return section is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(section, System.Text.Json.JsonSerializerOptions.Web));
    }

    private async Task EraseAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var erasure = scope.ServiceProvider.GetServices<IPersonalDataErasure>().OfType<ReferralsErasure>().Single();
        (await erasure.BlockerAsync(userId, CancellationToken.None)).ShouldBeNull();
        await erasure.EraseAsync(userId, CancellationToken.None);
        await erasure.EraseAsync(userId, CancellationToken.None);
    }
}

public sealed class ReferralOnSqlite(LunchtimeSqliteApp app) : ReferralTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ReferralOnPostgres(LunchtimePostgresApp app) : ReferralTests(app), IClassFixture<LunchtimePostgresApp>;
