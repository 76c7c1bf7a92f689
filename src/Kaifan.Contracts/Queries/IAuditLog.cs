namespace Kaifan.Contracts.Queries;

/// <summary>
/// One line of the audit trail: who (user id and role) did what (a stable action code such as "privacy.export") to whom
/// (subject type and id), with which outcome (HTTP status). Ids only: the detail must never carry a phone, name or address.
/// </summary>
public sealed record AuditRecord(
    Guid ActorId, string ActorRole, string Action, string SubjectType, string? SubjectId, int Outcome, string? Detail = null);

/// <summary>
/// The append-only audit trail Identity keeps. State-changing requests by operators and merchants are recorded for every
/// module without asking; a module writes an explicit entry only for what no route shows, such as personal data shown
/// unmasked to staff.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken ct);

    /// <summary>Records the entry unless one with the same actor, action and subject exists already (one per order and rider, not per poll).</summary>
    Task RecordOnceAsync(AuditRecord record, CancellationToken ct);
}
