using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Kaifan.Identity.Audit;

/// <summary>
/// Records every POST/PUT/PATCH/DELETE that an operator or merchant sends to the API, refused ones too (the outcome
/// column), after the response is decided. Riders' pings and steps and customers' shopping are not recorded; customers'
/// privacy requests are, by the endpoints themselves.
/// </summary>
internal sealed class AuditStaffChanges(RequestDelegate next, IAuditLog audit, ILogger<AuditStaffChanges> logger)
{
    private static readonly HashSet<string> Staff = [Roles.Operator, Roles.Merchant];

    private static readonly object DetailKey = new();

    /// <summary>
    /// What the route cannot say and the entry must (the reason a person was offboarded), set by the endpoint itself:
    /// this middleware never reads bodies, which may hold names and addresses.
    /// </summary>
    public static void AddDetail(HttpContext context, string detail) => context.Items[DetailKey] = detail;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsStaffChange(context, out var role))
        {
            await next(context);
            return;
        }

        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            await RecordAsync(context, role, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
        }
    }

    private static bool IsStaffChange(HttpContext context, out string role)
    {
        role = context.User.FindFirstValue(KaifanClaims.Role) ?? "";
        var method = context.Request.Method;
        return Staff.Contains(role)
            && context.Request.Path.StartsWithSegments("/api")
            && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            && context.GetEndpoint() is RouteEndpoint;
    }

    /// <summary>
    /// By the time this runs the change is committed in its module's database and the answer is on its way, so a lost
    /// audit write does not turn into an error: a 500 would invite the operator to repeat a change that happened. It is
    /// logged as critical (ids only) for the on-call to see instead.
    /// </summary>
    private async Task RecordAsync(HttpContext context, string role, int outcome)
    {
        var endpoint = (RouteEndpoint)context.GetEndpoint()!;
        var change = StaffChangeAction.Of(
            context.Request.Method, endpoint.RoutePattern, context.Request.RouteValues, context.Response.Headers.Location.ToString());
        if (context.Items[DetailKey] is string added)
        {
            change = change with { Detail = change.Detail is null ? added : $"{change.Detail} {added}" };
        }

        try
        {
            await audit.RecordAsync(
                new AuditRecord(context.User.UserId(), role, change.Action, change.SubjectType, change.SubjectId, outcome, change.Detail),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogCritical(
                e, "Audit entry lost: {Action} on {SubjectType} {SubjectId} by {ActorRole} {ActorId}, outcome {Outcome}",
                change.Action, change.SubjectType, change.SubjectId, role, context.User.UserId(), outcome);
        }
    }
}
