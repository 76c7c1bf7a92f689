using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Identity.Audit;

/// <summary>
/// Appends to the hash chain. Within a host one writer at a time (the lock), so concurrent requests queue instead of
/// colliding; across hosts (Cluster mode) the sequence is the table's key, so a writer that read a stale tail fails on
/// insert and retries on the new tail. Either way the chain cannot fork.
/// </summary>
internal sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider clock) : IAuditLog
{
    private const int Attempts = 5;

    private readonly SemaphoreSlim writer = new(1, 1);

    public Task RecordAsync(AuditRecord record, CancellationToken ct) => AppendAsync(record, onlyOnce: false, ct);

    public Task RecordOnceAsync(AuditRecord record, CancellationToken ct) => AppendAsync(record, onlyOnce: true, ct);

    private async Task AppendAsync(AuditRecord record, bool onlyOnce, CancellationToken ct)
    {
        await writer.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // A context of its own: the request's unit of work neither rides along with the audit row nor is lost with it.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
                if (onlyOnce && await db.AuditLog.AnyAsync(
                        e => e.SubjectId == record.SubjectId && e.Action == record.Action && e.ActorId == record.ActorId, ct))
                {
                    return;
                }

                var tail = await db.AuditLog.AsNoTracking()
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(ct);
                db.AuditLog.Add(NewEntry(record, (tail?.Sequence ?? 0) + 1, tail?.Hash ?? AuditChain.Genesis));
                try
                {
                    await db.SaveChangesAsync(ct);
                    return;
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < Attempts)
                {
                    // Another host appended first; read its row as the new tail.
                }
            }
        }
        finally
        {
            writer.Release();
        }
    }

    private AuditEntry NewEntry(AuditRecord r, long sequence, string previousHash)
    {
        var at = AuditChain.Stamp(clock.GetUtcNow());
        var detail = r.Detail is { Length: > 200 } ? r.Detail[..200] : r.Detail;
        return new AuditEntry
        {
            Sequence = sequence,
            At = at,
            ActorId = r.ActorId,
            ActorRole = r.ActorRole,
            Action = r.Action,
            SubjectType = r.SubjectType,
            SubjectId = r.SubjectId,
            Outcome = r.Outcome,
            Detail = detail,
            PreviousHash = previousHash,
            Hash = AuditChain.HashOf(sequence, at, r.ActorId, r.ActorRole, r.Action, r.SubjectType, r.SubjectId, r.Outcome, detail, previousHash),
        };
    }
}
