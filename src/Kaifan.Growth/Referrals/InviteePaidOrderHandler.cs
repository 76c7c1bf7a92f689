using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// An invitee's order was paid: if some order of theirs was placed and paid before they accepted, the referral is void now, so
/// the 新人红包 is withdrawn before it can be spent. The delivery that would reward the inviter checks again.
/// </summary>
public static class InviteePaidOrderHandler
{
    public static async Task Handle(OrderPaid paid, GrowthDb db, ICustomerOrderHistory orders, TimeProvider clock, IMessageBus bus, CancellationToken ct)
    {
        if (await orders.CustomerOfOrderAsync(paid.OrderId, ct) is not { } customerId)
        {
            return;
        }

        var referral = await db.Referrals.AsNoTracking()
            .SingleOrDefaultAsync(r => r.InviteeId == customerId && r.VoidedAt == null && r.FirstOrderId == null, ct);
        if (referral is not null && !await ReferralVerdict.WasNewAsync(referral, orders, ct))
        {
            await ReferralVerdict.VoidAsync(db, bus, referral, clock.GetUtcNow(), ct);
        }
    }
}
