using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
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
    public static async Task<OutgoingMessages> Handle(
        PresaleCutoffReached message, GrowthDb db, ICustomerOrderHistory orders, TimeProvider clock, CancellationToken ct)
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

        var entries = await db.PresaleEntries.Where(e => e.PresaleId == presale.Id).ToListAsync(ct);
        await CountPaymentsStillOnTheirWayAsync(presale, entries, orders, ct);
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

    /// <summary>
    /// A payment reaches this chain as an event a moment after Ordering took it; one Ordering has taken but this chain has
    /// not yet heard of is counted now, on Ordering's word, rather than refunded as unpaid. Its event then finds the entry paid.
    /// </summary>
    private static async Task CountPaymentsStillOnTheirWayAsync(Presale presale, List<PresaleEntry> entries, ICustomerOrderHistory orders, CancellationToken ct)
    {
        var unheard = entries.Where(e => e.PaidAt is null).ToList();
        if (unheard.Count == 0)
        {
            return;
        }

        var paidAt = await orders.PaidAtAsync(unheard.Select(e => e.OrderId).ToList(), ct);
        foreach (var entry in unheard)
        {
            if (paidAt.TryGetValue(entry.OrderId, out var at))
            {
                entry.PaidAt = at;
                presale.CountPaid(entry.Quantity);
            }
        }
    }
}
