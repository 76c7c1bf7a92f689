using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts.Events;
using Kaifan.Growth;
using Kaifan.Growth.Referrals;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Growth.ReferralKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 不符合新人条件: a friend whose order was paid before they accepted (the acceptance's check missed a payment still
/// committing) never earns the inviter a reward, shows as void on both screens and loses the unused 新人红包.
/// </summary>
public abstract partial class ReferralTests
{
    [Fact]
    public async Task a_friend_whose_order_was_paid_before_accepting_is_void_rewards_nobody_and_loses_the_welcome_coupon()
    {
        var ops = app.Client(TestTokens.Operator());
        var before = (await ops.GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;
        var (inviterId, inviter) = app.NewCustomer();
        var (friendId, friend) = app.NewCustomer();
        var order = await PlacedOrderAsync(friend);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var accepted = await AcceptAsync(friend, await CodeOfAsync(inviter));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var welcome = await Ordering.OrderingKit.JsonOf(accepted);
        var welcomeId = welcome["couponId"]!.GetValue<Guid>();

        // The money was taken a second before the acceptance; Ordering records it only now.
        var orderId = Ordering.OrderingKit.IdOf(order);
        await app.PublishAsync(new PaymentSucceeded(
            Guid.NewGuid(), orderId, order["totalFen"]!.GetValue<long>(), "sandbox-early", app.Clock.GetUtcNow().AddSeconds(-1)));

        await app.EventuallyAsync(async () => (await ReferralOfAsync(friendId)).VoidedAt is not null, "the referral is found not new when the order is paid");
        await app.EventuallyAsync(() => WithdrawnAsync(friendId, welcomeId), "the unused 新人红包 is withdrawn");
        await HandleAsync(await app.DeliveredAsync(orderId));

        await Task.Delay(500);
        (await app.CouponsOfAsync(inviterId)).ShouldBeEmpty();
        var referral = await ReferralOfAsync(friendId);
        (referral.FirstOrderId, referral.InviterCouponId).ShouldBe((null, null));
        var mine = await MyReferralsAsync(inviter);
        var shown = mine["friends"]!.AsArray().ShouldHaveSingleItem()!;
        (shown["status"]!.GetValue<string>(), shown["rewarded"]!.GetValue<bool>()).ShouldBe(("void", false));
        (mine["rewardedFriends"]!.GetValue<int>(), mine["rewardsFen"]!.GetValue<long>()).ShouldBe((0, 0L));
        var after = (await ops.GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;
        (after["accepted"]!.GetValue<int>() - before["accepted"]!.GetValue<int>()).ShouldBe(1);
        (after["voided"]!.GetValue<int>() - before["voided"]!.GetValue<int>()).ShouldBe(1);
        (after["firstOrders"]!.GetValue<int>() - before["firstOrders"]!.GetValue<int>()).ShouldBe(0);
        (after["rewardsFen"]!.GetValue<long>() - before["rewardsFen"]!.GetValue<long>()).ShouldBe(0);
        (after["welcomeCouponsFen"]!.GetValue<long>() - before["welcomeCouponsFen"]!.GetValue<long>()).ShouldBe(0, "a withdrawn 新人红包 does not stand");
        (after["welcomeWithdrawn"]!.GetValue<int>() - before["welcomeWithdrawn"]!.GetValue<int>()).ShouldBe(1);
        (after["welcomeWithdrawnFen"]!.GetValue<long>() - before["welcomeWithdrawnFen"]!.GetValue<long>()).ShouldBe(welcome["amountFen"]!.GetValue<long>());
        (await ExportAsync(friendId))!["invitationVoidedAt"].ShouldNotBeNull();
    }

    /// <summary>The gateway dates a payment in whole seconds: an order placed after accepting is the friend's first, even dated earlier.</summary>
    [Fact]
    public async Task an_order_placed_after_accepting_is_a_new_friends_first_even_when_the_gateway_dates_its_payment_earlier()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var (friendId, friend) = app.NewCustomer();
        (await AcceptAsync(friend, await CodeOfAsync(inviter))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var acceptedAt = (await ReferralOfAsync(friendId)).AcceptedAt;
        app.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var order = await PlacedOrderAsync(friend);
        var orderId = Ordering.OrderingKit.IdOf(order);
        await app.PublishAsync(new PaymentSucceeded(
            Guid.NewGuid(), orderId, order["totalFen"]!.GetValue<long>(), "sandbox-second", acceptedAt.AddMilliseconds(-200)));
        await app.EventuallyAsync(async () => (await TimesOfAsync(orderId)).PaidAt is not null, "Ordering records the payment");

        await HandleAsync(await app.DeliveredAsync(orderId));

        (await ReferralOfAsync(friendId)).VoidedAt.ShouldBeNull();
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the inviter is rewarded");
        (await MyReferralsAsync(inviter))["friends"]![0]!["status"]!.GetValue<string>().ShouldBe("ordered");
    }

    /// <summary>
    /// Accepting and paying an order placed just before at the same moment, round after round, with a clock that moves
    /// on each reading as a real one does: whichever way each round goes (refused as not new, or bound), the inviter
    /// is rewarded exactly when the order was not paid before the acceptance (as the gateway dates it, in whole
    /// seconds), and otherwise the referral is void and the 新人红包 withdrawn.
    /// </summary>
    [Fact]
    public async Task accepting_while_the_first_order_is_being_paid_rewards_the_inviter_only_for_a_friend_who_was_new()
    {
        app.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        try
        {
            for (var round = 0; round < 6; round++)
            {
                await RaceAcceptanceAndPaymentAsync(acceptAfterCallback: round % 2 == 1);
            }
        }
        finally
        {
            app.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        }
    }

    private async Task RaceAcceptanceAndPaymentAsync(bool acceptAfterCallback)
    {
        var (inviterId, inviter) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var (friendId, friend) = app.NewCustomer();
        var order = await PlacedOrderAsync(friend);
        var orderId = Ordering.OrderingKit.IdOf(order);
        var started = await friend.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" });
        started.IsSuccessStatusCode.ShouldBeTrue(await started.Content.ReadAsStringAsync());
        var payUrl = (await Ordering.OrderingKit.JsonOf(started))["payUrl"]!.GetValue<string>();

        var paying = app.Client().PostAsync(payUrl, null);
        var accepting = acceptAfterCallback ? paying.ContinueWith(_ => AcceptAsync(friend, code)).Unwrap() : AcceptAsync(friend, code);
        await Task.WhenAll(paying, accepting);
        (await paying).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await accepting;
        await app.EventuallyAsync(async () => (await TimesOfAsync(orderId)).PaidAt is not null, "Ordering records the payment");
        if (accepted.StatusCode != HttpStatusCode.Created)
        {
            await accepted.ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "code");
            (await MyReferralsAsync(inviter))["friends"]!.AsArray().ShouldBeEmpty();
            return;
        }

        var welcomeId = (await Ordering.OrderingKit.JsonOf(accepted))["couponId"]!.GetValue<Guid>();
        await HandleAsync(await app.DeliveredAsync(orderId));
        var referral = await ReferralOfAsync(friendId);
        var (placedAt, paidAt) = await TimesOfAsync(orderId);
        var wasNew = placedAt >= referral.AcceptedAt || paidAt >= referral.AcceptedAt;
        var shown = (await MyReferralsAsync(inviter))["friends"]!.AsArray().ShouldHaveSingleItem()!;
        if (wasNew)
        {
            referral.VoidedAt.ShouldBeNull();
            await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the inviter of a new friend is rewarded");
            (shown["status"]!.GetValue<string>(), shown["rewarded"]!.GetValue<bool>()).ShouldBe(("ordered", true));
            return;
        }

        referral.VoidedAt.ShouldNotBeNull("paid before accepting");
        (shown["status"]!.GetValue<string>(), shown["rewarded"]!.GetValue<bool>()).ShouldBe(("void", false));
        await app.EventuallyAsync(() => WithdrawnAsync(friendId, welcomeId), "the unused 新人红包 is withdrawn");
        await Task.Delay(300);
        (await app.CouponsOfAsync(inviterId)).ShouldBeEmpty();
    }

    /// <summary>Withdrawn: ended now, never spent.</summary>
    private async Task<bool> WithdrawnAsync(Guid customerId, Guid couponId) =>
        (await app.CouponsOfAsync(customerId)).SingleOrDefault(c => c.Id == couponId) is { Used: false } coupon && coupon.ExpiresAt <= app.Clock.GetUtcNow();

    private async Task<Referral> ReferralOfAsync(Guid inviteeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrowthDb>().Referrals.AsNoTracking().SingleAsync(r => r.InviteeId == inviteeId);
    }

    private async Task<(DateTimeOffset PlacedAt, DateTimeOffset? PaidAt)> TimesOfAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        return (order.PlacedAt, order.PaidAt);
    }
}
