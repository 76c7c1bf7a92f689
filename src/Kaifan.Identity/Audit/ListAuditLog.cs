using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Audit;

internal sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, Guid ActorId, string ActorRole, string Action, string SubjectType, string? SubjectId, int Outcome, string? Detail);

internal sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryView> Entries);

/// <summary>
/// GET /api/ops/audit?actor=&amp;action=&amp;from=&amp;to=&amp;page=: the audit trail, newest first, 50 a page. action matches
/// a code or its start ("zone." for every zone change); from and to are Shanghai days (yyyy-MM-dd), both included.
/// </summary>
internal static class ListAuditLog
{
    public const int PageSize = 50;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/audit", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Audit")
            .Produces<AuditPage>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        Guid? actor, string? action, DateOnly? from, DateOnly? to, int? page, IdentityDb db, CancellationToken ct)
    {
        if (page is < 1)
        {
            return Problems.Validation("page", "页码从 1 开始 (page starts at 1)");
        }

        if (from is { } f && to is { } t && t < f)
        {
            return Problems.Validation("to", "结束日期早于开始日期 (to is before from)");
        }

        var entries = db.AuditLog.AsNoTracking();
        if (actor is { } actorId)
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            var code = action.Trim();
            entries = entries.Where(e => e.Action.StartsWith(code));
        }

        if (from is { } fromDay)
        {
            var start = ChinaTime.StartOf(fromDay);
            entries = entries.Where(e => e.At >= start);
        }

        if (to is { } toDay)
        {
            var end = ChinaTime.StartOf(toDay.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        var number = page ?? 1;
        var total = await entries.CountAsync(ct);
        var rows = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip((number - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new AuditEntryView(e.Sequence, e.At, e.ActorId, e.ActorRole, e.Action, e.SubjectType, e.SubjectId, e.Outcome, e.Detail))
            .ToListAsync(ct);
        return Results.Ok(new AuditPage(number, PageSize, total, rows));
    }
}
