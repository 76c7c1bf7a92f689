using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Consents;

/// <summary>
/// IConsents for the other modules: the newest decision wins, no decision is no consent, and neither is a grant given
/// under a policy text that has since changed that purpose.
/// </summary>
internal sealed class StoredConsents(IdentityDb db) : IConsents
{
    public async Task<bool> HasConsentAsync(Guid userId, string purpose, CancellationToken ct) =>
        await db.Consents.AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct) is { } newest && ConsentPolicy.Holds(newest);
}
