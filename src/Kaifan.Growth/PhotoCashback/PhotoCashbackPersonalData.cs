using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.PhotoCashback;

internal sealed record PhotoCashbackClaimExport(Guid OrderId, Guid MerchantId, long AmountFen, string Status, string? RejectReason, DateTimeOffset PostedAt, DateTimeOffset? DecidedAt);

/// <summary>The person's photo reviews that a 晒图返现 covered, and what was decided.</summary>
internal sealed class PhotoCashbackDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "photoCashback";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var claims = await db.PhotoCashbackClaims.AsNoTracking().Where(c => c.CustomerId == userId).ToListAsync(ct);
        return claims.Count == 0
            ? null
            : claims.OrderBy(c => c.PostedAt)
                .Select(c => new PhotoCashbackClaimExport(c.OrderId, c.MerchantId, c.AmountFen, c.Status.ToString().ToLowerInvariant(), c.RejectReason, c.PostedAt, c.DecidedAt))
                .ToList();
    }
}

/// <summary>
/// A claim stays, counted in its campaign's budget, under an id that belongs to nobody, and without the photos, which
/// Ordering deletes with the account; each claim gets its own id, so the erased person's claims cannot be joined up.
/// </summary>
internal sealed class PhotoCashbackErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var claims = await db.PhotoCashbackClaims.Where(c => c.CustomerId == userId).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in claims)
        {
            await db.PhotoCashbackClaims.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CustomerId, Guid.NewGuid())
                .SetProperty(c => c.PhotoIds, new List<Guid>()), ct);
        }
    }
}
