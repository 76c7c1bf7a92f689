using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kaifan.Identity.Audit;

/// <summary>The SHA-256 chain over audit rows: each hash covers the row's fields and the previous row's hash.</summary>
internal static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Whole milliseconds: SQLite keeps DateTimeOffset to 0.1 ms and PostgreSQL to 1 µs, and a time that comes back
    /// different from what was hashed would read as tampering.
    /// </summary>
    public static DateTimeOffset Stamp(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static string HashOf(AuditEntry e) => HashOf(
        e.Sequence, e.At, e.ActorId, e.ActorRole, e.Action, e.SubjectType, e.SubjectId, e.Outcome, e.Detail, e.PreviousHash);

    public static string HashOf(
        long sequence, DateTimeOffset at, Guid actorId, string actorRole, string action, string subjectType, string? subjectId, int outcome,
        string? detail, string previousHash)
    {
        // A JSON array keeps field boundaries unambiguous ("a|b" + "c" never hashes like "a" + "b|c").
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            sequence,
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            actorId,
            actorRole,
            action,
            subjectType,
            subjectId,
            outcome,
            detail,
            previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
