namespace Kaifan.Contracts.Queries;

/// <summary>
/// One module's part of erasing a customer (注销账号; GDPR art. 17, PIPL art. 47): every module that keeps data about a
/// person registers one, and POST /api/me/erasure asks them all. What accounting needs (amounts, fees, times, statuses,
/// gateway references) stays; what identifies the person goes.
/// </summary>
public interface IPersonalDataErasure
{
    /// <summary>Why the person cannot be erased right now (an order still under way, money still moving); null when nothing stands in the way.</summary>
    Task<string?> BlockerAsync(Guid userId, CancellationToken ct);

    /// <summary>Removes or overwrites what this module holds about the person. Safe to run twice.</summary>
    Task EraseAsync(Guid userId, CancellationToken ct);
}
