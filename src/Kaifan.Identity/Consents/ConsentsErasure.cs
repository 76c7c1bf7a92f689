using Kaifan.Contracts.Queries;

namespace Kaifan.Identity.Consents;

/// <summary>
/// Erasure ends every consent: each purpose still granted gets a withdrawal row, so nothing treats the erased account as
/// consenting. The history itself is kept: it is the proof that what was processed before (a 特殊关照 order's health
/// flag, a rider's shared positions) had consent (GDPR art. 7(1) and 17(3)(e), PIPL art. 47's retention for legal
/// duties). It identifies no one once the account is erased: the rows hold only the user id, whose phone and name are
/// gone, a purpose, a time and a policy version.
/// </summary>
internal sealed class ConsentsErasure(IdentityDb db, TimeProvider clock) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var granted in (await db.CurrentAsync(userId, ct)).Values.Where(c => c.Granted))
        {
            db.Consents.Add(new Consent { UserId = userId, Purpose = granted.Purpose, Granted = false, At = now, PolicyVersion = granted.PolicyVersion });
        }

        await db.SaveChangesAsync(ct);
    }
}
