using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.Bargains;

/// <summary>Scheduled durably with each bargain, for its end.</summary>
public sealed record BargainExpires(Guid BargainId);

/// <summary>
/// A bargain still short of its floor at its end is over: it takes no more cuts (the cut itself also checks the time)
/// and its starter may start another on the same campaign. What it earned stays earned.
/// </summary>
public static class BargainExpiresHandler
{
    public static async Task<OutgoingMessages> Handle(BargainExpires message, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var bargain = await db.Bargains.SingleOrDefaultAsync(b => b.Id == message.BargainId, ct);
        if (bargain is null || bargain.Status != BargainStatus.Running)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < bargain.EndsAt)
        {
            messages.Delay(message, bargain.EndsAt - now);
            return messages;
        }

        bargain.End(now);
        await db.SaveChangesAsync(ct);
        return messages;
    }
}
