using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kaifan.Host;

/// <summary>
/// Malformed JSON, wrong types, oversized bodies and query or route values that do not parse are the client's fault:
/// answer 400/413 as problem+json naming the field (where the JSON parser stopped, the parameter, else body), never 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var parameter = Unbound().Match(badRequest.Message) is { Success: true } unbound ? unbound.Groups["name"].Value : null;
        var field = FindJsonPath(exception) ?? parameter ?? "body";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Malformed(badRequest.StatusCode, field, badRequest.InnerException?.Message ?? badRequest.Message),
        });
    }

    /// <summary>The problem for a request that could not be read, its one error under the field it names.</summary>
    public static ProblemDetails Malformed(int status, string field, string error) => new()
    {
        Status = status,
        Title = status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Malformed request",
        Detail = field == "body" ? "请求格式错误 (the request body could not be read)" : $"参数格式错误 (the value of {field} could not be read)",
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [error] } },
    };

    private static string? FindJsonPath(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { Length: > 1 } path })
            {
                return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            }
        }

        return null;
    }

    /// <summary>
    /// The request delegate names a query, route or header value it could not bind only in its message, as the C#
    /// parameter: <c>Failed to bind parameter "int? limit" from "abc".</c> or <c>Required parameter "Guid id" was not
    /// provided from route.</c>. A body it could not read (<c>... was not provided from body.</c>) stays <c>body</c>.
    /// </summary>
    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "[^"]* (?<name>[^" ]+)" (?:from "|was not provided from (?!body\b))""")]
    private static partial Regex Unbound();
}
