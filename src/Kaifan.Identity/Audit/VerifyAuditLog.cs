using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Audit;

/// <summary>Intact, or the first row where the chain breaks and why: "gap" (a row removed), "link" (previous hash differs) or "content" (the row was edited).</summary>
internal sealed record AuditVerification(bool Intact, long Checked, long? BrokenAt, string? Reason);

/// <summary>GET /api/ops/audit/verify: walks the whole chain in order and recomputes every hash.</summary>
internal static class VerifyAuditLog
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/audit/verify", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Audit")
            .Produces<AuditVerification>();

    private static async Task<IResult> HandleAsync(IdentityDb db, CancellationToken ct) => Results.Ok(await VerifyAsync(db, ct));

    public static async Task<AuditVerification> VerifyAsync(IdentityDb db, CancellationToken ct)
    {
        var (expectedSequence, previousHash, count) = (1L, AuditChain.Genesis, 0L);
        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var reason = entry.Sequence != expectedSequence ? "gap"
                : entry.PreviousHash != previousHash ? "link"
                : AuditChain.HashOf(entry) != entry.Hash ? "content"
                : null;
            if (reason is not null)
            {
                return new AuditVerification(false, count, entry.Sequence, reason);
            }

            (expectedSequence, previousHash, count) = (entry.Sequence + 1, entry.Hash, count + 1);
        }

        return new AuditVerification(true, count, null, null);
    }
}
