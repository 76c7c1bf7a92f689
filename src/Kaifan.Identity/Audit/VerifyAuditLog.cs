using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Audit;

/// <summary>
/// Intact, or the first row where the chain breaks and why: "gap" (a row removed), "link" (previous hash differs),
/// "content" (the row was edited), "anchor" (the row no longer has the hash an anchor recorded: rewritten with fresh
/// hashes) or "truncated" (an anchor names a row that is gone: the newest rows were dropped).
/// </summary>
internal sealed record AuditVerification(bool Intact, long Checked, long? BrokenAt, string? Reason, int Anchors, long? AnchoredThrough);

/// <summary>
/// GET /api/ops/audit/verify[?sequence=&amp;hash=]: walks the whole chain in order, recomputes every hash and compares
/// the rows the anchors name; a receipt the operator kept (a row's sequence and hash) is checked as one more anchor.
/// </summary>
internal static partial class VerifyAuditLog
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/audit/verify", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Audit")
            .Produces<AuditVerification>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(long? sequence, string? hash, IdentityDb db, AuditAnchors anchors, CancellationToken ct)
    {
        var known = (await anchors.ReadAsync(ct)).ToList();
        if (sequence is not null || hash is not null)
        {
            if (sequence is not > 0)
            {
                return Problems.Validation("sequence", "回执的记录序号须为正整数 (the receipt's row number must be positive)");
            }

            if (hash is null || !Sha256Hex().IsMatch(hash))
            {
                return Problems.Validation("hash", "回执的哈希须为 64 位十六进制 (the receipt's hash must be 64 hex digits)");
            }

            known.Add(new AuditAnchor(sequence.Value, hash.ToLowerInvariant(), default));
        }

        return Results.Ok(await VerifyAsync(db, known, ct));
    }

    public static async Task<AuditVerification> VerifyAsync(IdentityDb db, IReadOnlyList<AuditAnchor> anchors, CancellationToken ct)
    {
        var anchored = anchors.ToLookup(a => a.Sequence, a => a.Hash);
        long? through = anchors.Count == 0 ? null : anchors.Max(a => a.Sequence);
        AuditVerification Broken(long count, long at, string reason) => new(false, count, at, reason, anchors.Count, through);

        var (expectedSequence, previousHash, count) = (1L, AuditChain.Genesis, 0L);
        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var reason = entry.Sequence != expectedSequence ? "gap"
                : entry.PreviousHash != previousHash ? "link"
                : AuditChain.HashOf(entry) != entry.Hash ? "content"
                : anchored[entry.Sequence].Any(h => h != entry.Hash) ? "anchor"
                : null;
            if (reason is not null)
            {
                return Broken(count, entry.Sequence, reason);
            }

            (expectedSequence, previousHash, count) = (entry.Sequence + 1, entry.Hash, count + 1);
        }

        return through >= expectedSequence
            ? Broken(count, expectedSequence, "truncated")
            : new AuditVerification(true, count, null, null, anchors.Count, through);
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
