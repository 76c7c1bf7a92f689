using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Presales;

/// <summary>Scheduled durably when a chain is confirmed, for its release: the slot's start minus the shop's prep time.</summary>
public sealed record PresaleReleaseDue(Guid PresaleId);

/// <summary>Delivery day: the chain's paid orders go to the merchant together, once.</summary>
public static class PresaleReleaseDueHandler
{
    public static async Task<OutgoingMessages> Handle(PresaleReleaseDue message, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var presale = await db.Presales.FindAsync([message.PresaleId], ct);
        if (presale is null || presale.Status != PresaleStatus.Confirmed || presale.ReleasedAt is not null)
        {
            return messages;
        }

        var now = clock.GetUtcNow();
        if (now < presale.ReleaseAt)
        {
            messages.Delay(message, presale.ReleaseAt - now);
            return messages;
        }

        presale.MarkReleased(now);
        var orderIds = await db.PresaleEntries.AsNoTracking().Where(e => e.PresaleId == presale.Id && e.PaidAt != null).Select(e => e.OrderId).ToListAsync(ct);
        messages.Add(new PresaleReleased(presale.Id, presale.MerchantId, orderIds, now));
        return messages;
    }
}
