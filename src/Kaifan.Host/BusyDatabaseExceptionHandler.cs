using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaifan.Host;

/// <summary>
/// A database that stays locked or unreachable past its timeout is an overload, not a bug: answer 503 with
/// Retry-After so clients back off and retry (idempotent writes make the retry safe), never an opaque 500.
/// </summary>
internal sealed class BusyDatabaseExceptionHandler(IProblemDetailsService problems, ILogger<BusyDatabaseExceptionHandler> logger) : IExceptionHandler
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken ct)
    {
        if (!IsBusy(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "Database busy on {Path}", httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Busy",
                Detail = "系统繁忙，请稍后重试 (the system is busy; retry shortly)",
            },
        });
    }

    private static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } || e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
