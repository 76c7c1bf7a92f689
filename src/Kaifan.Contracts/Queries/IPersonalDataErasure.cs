namespace Kaifan.Contracts.Queries;

/// <summary>
/// One module's part of erasing a person (注销账号; GDPR art. 17, PIPL art. 47), a customer or a rider: every module that
/// keeps data about a person registers one, and POST /api/me/erasure asks them all. A rider's id is their user id, so the
/// same user id finds what a module keeps about either. What accounting or the law needs (amounts, fees, times, statuses,
/// gateway references) stays; what identifies the person goes.
/// </summary>
public interface IPersonalDataErasure
{
    /// <summary>Why the person cannot be erased right now (an order still under way, money still moving); null when nothing stands in the way.</summary>
    Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct);

    /// <summary>Removes or overwrites what this module holds about the person. Safe to run twice.</summary>
    Task EraseAsync(Guid userId, CancellationToken ct);
}

/// <summary>
/// What stands in the way of an erasure: <paramref name="Reason"/> is a stable code a client can act on (it is the
/// problem's "field": "orders", "payments", "tasks", "online", "withdrawals", "balance"), <paramref name="Detail"/> says
/// it in words, Chinese first.
/// </summary>
public sealed record ErasureBlocker(string Reason, string Detail);
