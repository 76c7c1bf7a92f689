using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts.Events;
using Kaifan.Growth.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Growth;

/// <summary>
/// A voided referral's withdrawal can reach Ordering before the 新人红包's grant, however long before (the grant may be
/// in its scheduled retries), or at the same moment: either way the coupon ends withdrawn, shown as such.
/// </summary>
public abstract partial class ReferralTests
{
    [Fact]
    public async Task a_withdrawal_ahead_of_its_grant_makes_the_grant_issue_the_coupon_already_withdrawn()
    {
        var (friendId, friend) = app.NewCustomer();
        var couponId = Guid.NewGuid();
        var at = app.Clock.GetUtcNow();
        var bus = app.Services.GetRequiredService<IMessageBus>();

        await bus.InvokeAsync(new CouponWithdrawn(couponId, friendId, ReferralVerdict.WithdrawReason, at));
        (await MyCouponsAsync(friend)).ShouldBeEmpty("a withdrawal alone is no coupon to show");
        await bus.InvokeAsync(WelcomeGrant(couponId, friendId, at));

        var coupon = (await app.CouponsOfAsync(friendId)).ShouldHaveSingleItem();
        (coupon.Id, coupon.AmountFen, coupon.Used, coupon.ExpiresAt, coupon.WithdrawnAt).ShouldBe((couponId, 500L, false, at, at));
        (await MyCouponsAsync(friend)).ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("withdrawn");
    }

    [Fact]
    public async Task a_withdrawal_and_its_grant_at_the_same_moment_leave_the_coupon_withdrawn()
    {
        var (friendId, friend) = app.NewCustomer();
        var at = app.Clock.GetUtcNow();
        var couponIds = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(couponIds.SelectMany(id => new[]
        {
            app.PublishAsync(new CouponWithdrawn(id, friendId, ReferralVerdict.WithdrawReason, at)),
            app.PublishAsync(WelcomeGrant(id, friendId, at)),
        }));

        await app.EventuallyAsync(
            async () => (await MyCouponsAsync(friend)).Count == couponIds.Count, "every grant is issued, whichever of the pair came first");
        await app.EventuallyAsync(
            async () => (await app.CouponsOfAsync(friendId)).All(c => c.WithdrawnAt == at), "every withdrawal is recorded");
        (await app.CouponsOfAsync(friendId)).Select(c => (c.AmountFen, c.Used, c.ExpiresAt)).Distinct().ShouldBe([(500L, false, at)]);
        (await MyCouponsAsync(friend)).Select(c => c!["status"]!.GetValue<string>()).ShouldAllBe(s => s == "withdrawn");
    }

    private static CouponGranted WelcomeGrant(Guid couponId, Guid friendId, DateTimeOffset at) =>
        new(couponId, friendId, 500, 0, "邀请有礼·新人红包 (welcome)", at, at.AddDays(7));

    private static async Task<JsonArray> MyCouponsAsync(HttpClient customer) => (await customer.GetFromJsonAsync<JsonArray>("/api/me/coupons"))!;
}
