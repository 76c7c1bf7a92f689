using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Audit;

internal sealed record AuditExport(DateTimeOffset At, string Action, string SubjectType, string? SubjectId, int Outcome);

/// <summary>The audit entries where the person is the actor, in their data copy: what they did, as the platform recorded it.</summary>
internal sealed class AuditDataExport(IdentityDb db) : IPersonalDataExport
{
    public string Section => "audit";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) =>
        await db.AuditLog.AsNoTracking()
            .Where(e => e.ActorId == userId)
            .OrderBy(e => e.Sequence)
            .Select(e => new AuditExport(e.At, e.Action, e.SubjectType, e.SubjectId, e.Outcome))
            .ToListAsync(ct);
}
