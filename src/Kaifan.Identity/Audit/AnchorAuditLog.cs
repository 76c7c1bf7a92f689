using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Identity.Audit;

/// <summary>
/// POST /api/ops/audit/anchors: anchors the chain now and answers the anchor, a receipt the operator can print or copy
/// and later hand to verify. The host also anchors by itself every hour.
/// </summary>
internal static class AnchorAuditLog
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/audit/anchors", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Audit")
            .Produces<AuditAnchor>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(AuditAnchors anchors, CancellationToken ct) =>
        await anchors.AnchorAsync(ct) is { } anchor
            ? Results.Ok(anchor)
            : Problems.Unprocessable("审计日志还没有记录，无可锚定 (the audit log has no entry to anchor yet)", "sequence");
}
