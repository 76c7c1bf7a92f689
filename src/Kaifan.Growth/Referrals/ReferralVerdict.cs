using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// Whether an invitee was new when accepting, decided once their orders are paid rather than at the acceptance: the
/// acceptance's check of Ordering can miss a payment committing at the same moment, but the payment's time cannot
/// change afterwards. An order placed and paid before AcceptedAt (a tie counts as after) makes the referral void; the
/// inviter is never rewarded for it and the 新人红包, if still unused, is withdrawn. Within the gateway's second an
/// order placed before the acceptance counts as paid before it: the doubt goes against the reward.
/// </summary>
internal static class ReferralVerdict
{
    public const string WithdrawReason = "邀请有礼·不符合新人条件 (the friend had ordered before accepting)";

    public static async Task<bool> WasNewAsync(Referral referral, ICustomerOrderHistory orders, CancellationToken ct) =>
        !await orders.HasOrderPaidBeforeAsync(referral.InviteeId, referral.AcceptedAt, ct);

    /// <summary>Only the update that voids a referral still undecided withdraws the coupon, so a repeat sends nothing twice.</summary>
    public static async Task VoidAsync(GrowthDb db, IMessageBus bus, Referral referral, DateTimeOffset at, CancellationToken ct)
    {
        var voided = await db.Referrals.Where(r => r.Id == referral.Id && r.VoidedAt == null && r.FirstOrderId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.VoidedAt, at), ct);
        if (voided == 1)
        {
            await bus.PublishAsync(new CouponWithdrawn(referral.Id, referral.InviteeId, WithdrawReason, at));
        }
    }
}
