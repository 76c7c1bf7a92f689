using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.SecretCodes;

internal sealed record SecretCodeClaimExport(string Code, long AmountFen, DateTimeOffset ClaimedAt);

/// <summary>The 口令红包 the person claimed: which code, what it gave, when.</summary>
internal sealed class SecretCodesDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "secretCodes";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var claims = await (
                from claim in db.SecretCodeClaims.AsNoTracking()
                join code in db.SecretCodes.AsNoTracking() on claim.SecretCodeId equals code.Id
                where claim.CustomerId == userId
                select new { code.Code, code.AmountFen, claim.ClaimedAt })
            .ToListAsync(ct);
        return claims.Count == 0
            ? null
            : claims.OrderBy(c => c.ClaimedAt).Select(c => new SecretCodeClaimExport(c.Code, c.AmountFen, c.ClaimedAt)).ToList();
    }
}

/// <summary>
/// A claim stays, counted in its code's budget, under an id that belongs to nobody: the person is gone, the station's
/// books still add up. Each claim gets its own id, so the erased person's claims cannot be told to be one person's.
/// </summary>
internal sealed class SecretCodesErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var claims = await db.SecretCodeClaims.Where(c => c.CustomerId == userId).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in claims)
        {
            await db.SecretCodeClaims.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, Guid.NewGuid()), ct);
        }
    }
}
