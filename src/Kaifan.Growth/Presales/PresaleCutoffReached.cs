using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Presales;

/// <summary>Scheduled durably when a pre-sale is created, for its cut-off.</summary>
public sealed record PresaleCutoffReached(Guid PresaleId);

/// <summary>
/// At the cut-off the chain decides: the minimum reached confirms it (its paid orders stay held, the release is
/// scheduled for delivery day), else every order is cancelled and the paid ones refunded. Deciding moves the chain's
/// Version, so a payment or a leave committed meanwhile makes this run again and see it.
/// </summary>
public static class PresaleCutoffReachedHandler
{
    public static async Task<OutgoingMessages> Handle(PresaleCutoffReached message, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var presale = await db.Presales.FindAsync([message.PresaleId], ct);
        if (presale is null || presale.Status != PresaleStatus.Open)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < presale.CutoffAt)
        {
            messages.Delay(message, presale.CutoffAt - now);
            return messages;
        }

        var entries = await db.PresaleEntries.AsNoTracking().Where(e => e.PresaleId == presale.Id).Select(e => new { e.OrderId, e.PaidAt }).ToListAsync(ct);
        if (!presale.Decide(now))
        {
            messages.Add(new PresaleCancelled(presale.Id, entries.Select(e => e.OrderId).ToList(), now));
            return messages;
        }

        messages.Add(new PresaleConfirmed(
            presale.Id, entries.Where(e => e.PaidAt != null).Select(e => e.OrderId).ToList(), entries.Where(e => e.PaidAt == null).Select(e => e.OrderId).ToList(), now));
        var untilRelease = presale.ReleaseAt - now;
        if (untilRelease > TimeSpan.Zero)
        {
            messages.Delay(new PresaleReleaseDue(presale.Id), untilRelease);
        }
        else
        {
            messages.Add(new PresaleReleaseDue(presale.Id));
        }

        return messages;
    }
}
