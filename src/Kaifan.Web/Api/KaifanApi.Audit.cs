using System.Globalization;

namespace Kaifan.Web.Api;

public sealed record AuditEntryInfo(
    long Sequence, DateTimeOffset At, Guid ActorId, string ActorRole, string Action, string SubjectType, string? SubjectId, int Outcome, string? Detail);

public sealed record AuditPageInfo(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryInfo> Entries);

public sealed record AuditVerificationInfo(bool Intact, long Checked, long? BrokenAt, string? Reason);

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

    public Task<ApiResult<AuditVerificationInfo>> VerifyAuditAsync(CancellationToken ct = default) =>
        SendAsync<AuditVerificationInfo>(HttpMethod.Get, "api/ops/audit/verify", ct: ct);
}
