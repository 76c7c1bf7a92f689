using System.Globalization;

namespace Kaifan.Web.Api;

public sealed record AuditEntryInfo(
    long Sequence, DateTimeOffset At, Guid ActorId, string ActorRole, string Action, string SubjectType, string? SubjectId, int Outcome, string? Detail);

public sealed record AuditPageInfo(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryInfo> Entries);

public sealed record AuditVerificationInfo(bool Intact, long Checked, long? BrokenAt, string? Reason, int Anchors, long? AnchoredThrough);

/// <summary>The chain's newest row (number and hash) at a moment, kept outside the database: the operator's receipt.</summary>
public sealed record AuditAnchorInfo(long Sequence, string Hash, DateTimeOffset At);

public sealed partial class KaifanApi
{
    // Ops console: audit log
    /// <summary>Newest first; action matches a code or its start; from and to are Shanghai days, both included.</summary>
    public Task<ApiResult<AuditPageInfo>> AuditAsync(string? action, DateOnly? from, DateOnly? to, int page, CancellationToken ct = default)
    {
        var query = $"page={page}";
        query += string.IsNullOrEmpty(action) ? "" : $"&action={Uri.EscapeDataString(action)}";
        query += from is { } f ? $"&from={f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
        query += to is { } t ? $"&to={t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
        return SendAsync<AuditPageInfo>(HttpMethod.Get, $"api/ops/audit?{query}", ct: ct);
    }

    /// <summary>Checks the chain and every anchor; a receipt (row number and hash) the operator kept is checked too.</summary>
    public Task<ApiResult<AuditVerificationInfo>> VerifyAuditAsync(long? receiptSequence, string? receiptHash, CancellationToken ct = default)
    {
        var receipt = receiptSequence is null && string.IsNullOrWhiteSpace(receiptHash)
            ? ""
            : $"?sequence={receiptSequence}&hash={Uri.EscapeDataString(receiptHash?.Trim() ?? "")}";
        return SendAsync<AuditVerificationInfo>(HttpMethod.Get, $"api/ops/audit/verify{receipt}", ct: ct);
    }

    public Task<ApiResult<AuditAnchorInfo>> AnchorAuditAsync(CancellationToken ct = default) =>
        SendAsync<AuditAnchorInfo>(HttpMethod.Post, "api/ops/audit/anchors", ct: ct);
}
