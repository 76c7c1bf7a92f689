using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Consents;

/// <summary>IConsents for the other modules: the newest decision wins, and no decision is no consent.</summary>
internal sealed class StoredConsents(IdentityDb db) : IConsents
{
    public async Task<bool> HasConsentAsync(Guid userId, string purpose, CancellationToken ct) =>
        await db.Consents.AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose)
            .OrderByDescending(c => c.Id)
            .Select(c => (bool?)c.Granted)
            .FirstOrDefaultAsync(ct) == true;
}
