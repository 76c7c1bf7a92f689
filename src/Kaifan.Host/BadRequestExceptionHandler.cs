using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Kaifan.Host;

/// <summary>
/// Malformed JSON, wrong types and oversized bodies are the client's fault: answer 400/413 as
/// problem+json naming the field the parser stopped at, never 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var field = FindJsonPath(exception) ?? "body";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Malformed request",
                Detail = "请求格式错误 (the request body could not be read)",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [badRequest.InnerException?.Message ?? badRequest.Message] } },
            },
        });
    }

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
}
