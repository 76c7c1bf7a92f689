using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// An invited friend's first delivered order earns the inviter a red packet, up to the cap, unless an order of the
/// friend's was paid before they accepted (then the referral is void instead, see ReferralVerdict). Two conditional updates
/// decide it: the first marks the friend's first order only while none is marked (a redelivery, a parallel delivery or
/// a later order finds it marked and stops), the second counts the reward only below the cap.
/// </summary>
public static class InviteeFirstOrderHandler
{
    public const string InviterReason = "邀请有礼·好友首单奖励 (a friend's first order)";

    public static async Task Handle(
        OrderDelivered delivered, GrowthDb db, ICustomerOrderHistory orders, ReferralSettings settings, IMessageBus bus, TimeProvider clock,
        CancellationToken ct)
    {
        if (await orders.CustomerOfOrderAsync(delivered.OrderId, ct) is not { } customerId)
        {
            return;
        }

        var referral = await db.Referrals.AsNoTracking()
            .SingleOrDefaultAsync(r => r.InviteeId == customerId && r.FirstOrderId == null && r.VoidedAt == null, ct);
        if (referral is null)
        {
            return;
        }

        if (!await ReferralVerdict.WasNewAsync(referral, orders, ct))
        {
            await ReferralVerdict.VoidAsync(db, bus, referral, clock.GetUtcNow(), ct);
            return;
        }

        var first = await db.Referrals.Where(r => r.Id == referral.Id && r.FirstOrderId == null && r.VoidedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FirstOrderId, delivered.OrderId)
            .SetProperty(r => r.FirstOrderDeliveredAt, delivered.DeliveredAt), ct);
        if (first == 0)
        {
            return;
        }

        var counted = await db.InviteCodes.Where(c => c.CustomerId == referral.InviterId && c.Rewarded < settings.RewardCap)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Rewarded, c => c.Rewarded + 1), ct);
        if (counted == 0)
        {
            return;
        }

        var couponId = Guid.CreateVersion7(delivered.DeliveredAt);
        await db.Referrals.Where(r => r.Id == referral.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.InviterCouponId, couponId)
            .SetProperty(r => r.InviterRewardFen, settings.InviterAmountFen), ct);
        await bus.PublishAsync(new CouponGranted(
            couponId, referral.InviterId, settings.InviterAmountFen, settings.InviterMinSpendFen, InviterReason,
            delivered.DeliveredAt, delivered.DeliveredAt.AddDays(settings.InviterCouponDays)));
    }
}
