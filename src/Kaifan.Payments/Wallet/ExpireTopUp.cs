using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Payments.Wallet;

/// <summary>Scheduled durably with each top-up, for its ExpiresAt.</summary>
public sealed record TopUpExpires(Guid TopUpId);

/// <summary>
/// A top-up still unpaid at its ExpiresAt becomes Expired (已失效). The conditional UPDATE and the callback's claim take
/// turns on the row: whichever comes first decides whether the money is credited or, arriving later, goes back.
/// </summary>
public static class TopUpExpiryHandler
{
    public static async Task<OutgoingMessages> Handle(TopUpExpires message, PaymentsDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var topUp = await db.TopUps.AsNoTracking().FirstOrDefaultAsync(t => t.Id == message.TopUpId, ct);
        if (topUp is null || topUp.Status != TopUpStatus.Pending)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < topUp.ExpiresAt)
        {
            messages.Delay(message, topUp.ExpiresAt - now);
            return messages;
        }

        await db.TopUps.Where(t => t.Id == topUp.Id && t.Status == TopUpStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TopUpStatus.Expired), ct);
        return messages;
    }
}
