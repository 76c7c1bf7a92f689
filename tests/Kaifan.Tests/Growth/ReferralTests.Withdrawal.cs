using Kaifan.Contracts.Events;
using Kaifan.Growth.Referrals;
using Kaifan.Ordering.Coupons;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Kaifan.Tests.Growth;

/// <summary>
/// A voided referral's withdrawal can reach Ordering before the 新人红包's grant: it waits for it a little
/// (CouponWithdrawnHandler's retries, on the scheduler's real clock), and gives up quietly when it never comes.
/// </summary>
public abstract partial class ReferralTests
{
    [Fact]
    public async Task a_withdrawal_that_overtakes_its_grant_withdraws_the_coupon_once_the_grant_lands()
    {
        var (friendId, _) = app.NewCustomer();
        var couponId = Guid.NewGuid();
        var at = app.Clock.GetUtcNow();

        // Handled through the host's pipeline before returning: the coupon is not there yet, so a retry is scheduled.
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new CouponWithdrawn(couponId, friendId, ReferralVerdict.WithdrawReason, at));
        (await app.CouponsOfAsync(friendId)).ShouldBeEmpty();
        await app.PublishAsync(new CouponGranted(couponId, friendId, 500, 0, "邀请有礼·新人红包 (welcome)", at, at.AddDays(7)));

        await app.EventuallyAsync(
            async () => (await app.CouponsOfAsync(friendId)).SingleOrDefault() is { WithdrawnAt: not null }, "a retry withdraws the coupon granted after it");
        var coupon = (await app.CouponsOfAsync(friendId)).ShouldHaveSingleItem();
        (coupon.Id, coupon.Used, coupon.ExpiresAt, coupon.WithdrawnAt).ShouldBe((couponId, false, at, at));
    }

    [Fact]
    public async Task a_withdrawal_whose_grant_never_lands_stops_after_its_last_wait_issues_nothing_and_logs_no_error()
    {
        var (friendId, _) = app.NewCustomer();
        var couponId = Guid.NewGuid();
        var errorsBefore = app.Errors.Entries.Count;
        var secondToLast = new CouponWithdrawn(
            couponId, friendId, ReferralVerdict.WithdrawReason, app.Clock.GetUtcNow(), CouponWithdrawnHandler.MaxAttempts - 1);

        var session = await app.Services.TrackActivity()
            .Timeout(TimeSpan.FromSeconds(30))
            .WaitForExecutionOf<CouponWithdrawn>(2)
            .PublishMessageAndWaitAsync(secondToLast);

        session.Executed.MessagesOf<CouponWithdrawn>().Where(w => w.CouponId == couponId).Select(w => w.Attempt).Order()
            .ShouldBe([CouponWithdrawnHandler.MaxAttempts - 1, CouponWithdrawnHandler.MaxAttempts]);
        session.Scheduled.MessagesOf<CouponWithdrawn>().Where(w => w.CouponId == couponId).Select(w => w.Attempt)
            .ShouldBe([CouponWithdrawnHandler.MaxAttempts], "the last attempt schedules no other");
        (await app.CouponsOfAsync(friendId)).ShouldBeEmpty();
        app.Errors.Entries.Skip(errorsBefore).Select(e => e.Message)
            .ShouldNotContain(m => m.Contains(nameof(CouponWithdrawn)) || m.Contains(couponId.ToString()), "giving up is the design, not a failure");
    }
}
